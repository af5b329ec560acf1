-- Row errors of imports say what is wrong as a stable code with its arguments, so that each
-- reader gets the message in their own language (the English `message` stays as it was).
-- code: snake_case, see row_error in src/domain/registry/import.hpp.
-- params: the code's arguments in order as a JSON object of strings, such as
-- {"min":"0","max":"100000"}; '' when there are none.
-- Errors stored before this migration have code '' and are shown by their message.
ALTER TABLE import_errors ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE import_errors ADD COLUMN params TEXT NOT NULL DEFAULT '';
