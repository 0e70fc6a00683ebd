-- Sanctions of Art. 31 that change what a project may do: funds suspended (Finance refuses further disbursements),
-- construction suspended under Art. 31 rather than Art. 22 (only lifting the sanction resumes it), and termination
-- (the project keeps only read access). The sanction records themselves are the supervision module's.
ALTER TABLE project ADD COLUMN funds_suspended BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE project ADD COLUMN suspension_rule TEXT;
ALTER TABLE project ADD COLUMN terminated_on DATE;
-- projects suspended before this migration were suspended by their authority under Art. 22 (the only way until now)
UPDATE project SET suspension_rule = 'ART-22' WHERE status = 'SUSPENDED';
ALTER TABLE project ADD CONSTRAINT project_suspension_rule
    CHECK ((status = 'SUSPENDED') = (suspension_rule IS NOT NULL) AND (suspension_rule IS NULL OR suspension_rule IN ('ART-22', 'ART-31')));
ALTER TABLE project ADD CONSTRAINT project_terminated_on
    CHECK ((status = 'TERMINATED') = (terminated_on IS NOT NULL));
