-- The approval's date and construction period (Art. 9, 26) and the start of construction (Art. 14): the
-- construction period, and every deadline computed from it, runs from the start.
ALTER TABLE project ADD COLUMN approved_on DATE;
ALTER TABLE project ADD COLUMN approved_construction_period_months INT
    CHECK (approved_construction_period_months > 0);
ALTER TABLE project ADD COLUMN construction_started_on DATE;
UPDATE project p SET approved_on = d.issued_on, approved_construction_period_months = d.construction_period_months
FROM (SELECT DISTINCT ON (project_id) project_id, issued_on, construction_period_months
      FROM approval_decision WHERE outcome = 'APPROVED' ORDER BY project_id, decided_at DESC) d
WHERE p.id = d.project_id AND p.status = 'APPROVED';
