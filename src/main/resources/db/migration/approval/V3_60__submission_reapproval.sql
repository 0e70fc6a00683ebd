-- A re-approval after a change (Art. 23: 重新审批): a revised submission of an approved stage, linked to the change
-- request it serves. A project keeps one original submission per stage, and one revised submission per change.
ALTER TABLE submission ADD COLUMN change_request_id UUID;
ALTER TABLE submission DROP CONSTRAINT submission_project_stage;
CREATE UNIQUE INDEX submission_project_stage ON submission (project_id, stage) WHERE change_request_id IS NULL;
CREATE UNIQUE INDEX submission_change_request ON submission (change_request_id) WHERE change_request_id IS NOT NULL;
