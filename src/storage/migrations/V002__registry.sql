-- The MSME registry (seed 002): stakeholders of the quadruple helix, people, enterprises, and
-- bulk import jobs with their row errors.
-- search_name / search_text / match_key are lower-cased copies the application keeps in step, so
-- that sorting and searching need no per-backend collations. scale is derived from turnover and
-- capital (PP 7/2021) by the application on every write and kept for filtering.

CREATE TABLE stakeholders (
  id @ID@,
  name TEXT NOT NULL UNIQUE,
  helix TEXT NOT NULL CHECK (helix IN ('government', 'business', 'academia', 'civil_society')),
  kind TEXT NOT NULL CHECK (kind IN ('agency', 'bank', 'soe', 'csr_unit', 'university', 'ngo',
                                     'community', 'zakat_institution', 'media')),
  region_code TEXT NULL,
  contact TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE people (
  id @ID@,
  name TEXT NOT NULL,
  search_name TEXT NOT NULL,
  gender TEXT NULL CHECK (gender IN ('female', 'male')),
  birth_year INTEGER NULL,
  phone TEXT NULL,
  village_code TEXT NULL,
  nik TEXT NULL,
  nik_consent_at TEXT NULL,
  steward_id BIGINT NULL REFERENCES stakeholders (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (nik IS NULL OR nik_consent_at IS NOT NULL)
);
CREATE INDEX people_village ON people (village_code);
CREATE INDEX people_name ON people (search_name);

CREATE TABLE import_jobs (
  id @ID@,
  kind TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('insert', 'upsert')),
  dry_run INTEGER NOT NULL CHECK (dry_run IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  file_name TEXT NOT NULL,
  file_path TEXT NOT NULL,
  bytes_total BIGINT NOT NULL,
  bytes_read BIGINT NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_inserted BIGINT NOT NULL,
  rows_updated BIGINT NOT NULL,
  rows_failed BIGINT NOT NULL,
  errors_stored BIGINT NOT NULL,
  message TEXT NULL,
  warnings TEXT NOT NULL,
  created_by BIGINT NULL REFERENCES users (id),
  created_by_username TEXT NOT NULL,
  steward_id BIGINT NULL REFERENCES stakeholders (id),
  created_at TEXT NOT NULL,
  started_at TEXT NULL,
  finished_at TEXT NULL
);
CREATE INDEX import_jobs_creator ON import_jobs (created_by, id);

CREATE TABLE import_errors (
  id @ID@,
  job_id BIGINT NOT NULL REFERENCES import_jobs (id),
  row_number BIGINT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX import_errors_job ON import_errors (job_id, id);

CREATE TABLE enterprises (
  id @ID@,
  owner_id BIGINT NOT NULL REFERENCES people (id),
  name TEXT NOT NULL,
  search_name TEXT NOT NULL,
  search_text TEXT NOT NULL,
  match_key TEXT NOT NULL,
  sector TEXT NOT NULL,
  products TEXT NULL,
  business_centre TEXT NULL,
  village_code TEXT NOT NULL,
  founded_year INTEGER NULL,
  employees BIGINT NULL,
  capital BIGINT NULL CHECK (capital >= 0),
  turnover BIGINT NULL CHECK (turnover >= 0),
  nib TEXT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('active', 'closed')),
  scale TEXT NULL CHECK (scale IN ('micro', 'small', 'medium', 'large')),
  scale_criterion TEXT NULL CHECK (scale_criterion IN ('turnover', 'capital')),
  verified_at TEXT NULL,
  verified_by BIGINT NULL REFERENCES users (id),
  steward_id BIGINT NULL REFERENCES stakeholders (id),
  import_job_id BIGINT NULL REFERENCES import_jobs (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Region drill-down counts read only this index (area, stale and scale in one pass).
CREATE INDEX enterprises_area ON enterprises (village_code, status, scale, verified_at);
CREATE INDEX enterprises_name ON enterprises (search_name, id);
CREATE INDEX enterprises_match ON enterprises (match_key);
CREATE INDEX enterprises_owner ON enterprises (owner_id);
CREATE INDEX enterprises_verified ON enterprises (verified_at, id);
