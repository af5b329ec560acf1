-- The target competencies an option of a learning-theme proposal names (issue 14, seed 000: the
-- group chooses by deliberation the theme and the competencies it will learn). When the group
-- agrees on the option, they become the cycle's targets as it moves to implementation.
CREATE TABLE deliberation_option_targets (
  option_id BIGINT NOT NULL REFERENCES deliberation_options (id),
  competency_id BIGINT NOT NULL REFERENCES competencies (id),
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  position INTEGER NOT NULL,
  PRIMARY KEY (option_id, competency_id)
);
CREATE INDEX deliberation_option_targets_competency ON deliberation_option_targets (competency_id);
