-- Issue 13, the admin: the audit log is read by who made a change and by the days it was made,
-- so a large log is searched by actor and by time without a full scan.
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_at ON audit_log (at);
