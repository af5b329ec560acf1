-- Why an import job failed, as a stable code with its arguments (like the row errors of V008),
-- so each reader gets it in their own language; the English `message` stays as it was.
-- message_code: snake_case, see job_note in src/domain/registry/import.hpp; '' for a failure
-- nobody foresaw and for jobs that failed before this migration.
-- message_params: a JSON object of strings such as {"line":"12"}; '' when there are none.
-- (The warnings column, JSON, now holds objects {"message", "code", "params"}; the plain
-- strings of older jobs are read as messages without a code.)
ALTER TABLE import_jobs ADD COLUMN message_code TEXT NOT NULL DEFAULT '';
ALTER TABLE import_jobs ADD COLUMN message_params TEXT NOT NULL DEFAULT '';
