-- Nothing is deleted (Art. 30): each record of the project's division of responsibilities is a version of its own;
-- replacing it adds the new version's rows and keeps the earlier ones.
ALTER TABLE project_responsibility ADD COLUMN version BIGINT;
UPDATE project_responsibility r SET version = p.version FROM project_responsibilities p WHERE p.project_id = r.project_id;
ALTER TABLE project_responsibility ALTER COLUMN version SET NOT NULL;
ALTER TABLE project_responsibility DROP CONSTRAINT project_responsibility_pkey;
ALTER TABLE project_responsibility ADD PRIMARY KEY (project_id, version, organization_code);
