-- Acceptance and operation (Art. 26, 28): the day the initial acceptance passed and the day the final acceptance
-- passed, from which self-evaluation and the periodic assessments are counted.
ALTER TABLE project ADD COLUMN initial_accepted_on DATE;
ALTER TABLE project ADD COLUMN operation_started_on DATE;
ALTER TABLE project ADD CONSTRAINT project_initial_acceptance_after_start
    CHECK (initial_accepted_on IS NULL OR (construction_started_on IS NOT NULL AND initial_accepted_on >= construction_started_on));
ALTER TABLE project ADD CONSTRAINT project_operation_after_initial_acceptance
    CHECK (operation_started_on IS NULL OR (initial_accepted_on IS NOT NULL AND operation_started_on >= initial_accepted_on));
