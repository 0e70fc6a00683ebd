-- Nothing is deleted (Art. 30): a milestone taken out of the unfrozen baseline is marked as unplanned, with who and
-- when, and stays in the table; only one planned milestone of a name per baseline.
ALTER TABLE construction_milestone ADD COLUMN unplanned_at TIMESTAMPTZ;
ALTER TABLE construction_milestone ADD COLUMN unplanned_by TEXT;
ALTER TABLE construction_milestone DROP CONSTRAINT construction_milestone_project_id_baseline_version_name_key;
CREATE UNIQUE INDEX construction_milestone_planned_name ON construction_milestone (project_id, baseline_version, name)
    WHERE unplanned_at IS NULL;
