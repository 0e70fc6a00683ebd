-- The findings of evaluations (Art. 32) join the one findings flow: every evaluation_finding row, with its
-- rectifications and reviews, is copied into the supervision tables with source EVALUATION, keeping its id, dates,
-- status, rounds and obligation subject (so its RECTIFICATION obligation stays linked). The raising body is the
-- project's approval authority, the area PERFORMANCE (绩效评价), the lead department the project's.
-- Art. 30: nothing is deleted. evaluation_finding, evaluation_finding_rectification and evaluation_finding_review
-- stay in place as the historic record; the application no longer writes them.
-- Idempotent (ON CONFLICT DO NOTHING), so running it again adds only what is missing.
INSERT INTO supervision_finding (id, project_id, lead_org_code, body_org_code, area, source, source_ref, facts,
                                 evidence, raised_on, rectification_due, obligation_subject, status, rounds, closed_on,
                                 raised_by, raised_at, version)
SELECT f.id, f.project_id, p.lead_organization_code,
       CASE p.approval_authority WHEN 'DEVELOPMENT_REFORM' THEN 'FGW' ELSE 'SZSJ' END,
       'PERFORMANCE', 'EVALUATION', f.source_id, f.description, '{}', f.raised_on, f.rectification_due,
       f.obligation_subject, f.status, f.rounds, f.closed_on, f.raised_by, f.raised_at, f.version
  FROM evaluation_finding f
  JOIN project p ON p.id = f.project_id
ON CONFLICT DO NOTHING;

INSERT INTO supervision_rectification (finding_id, round, rectified_on, summary, evidence, reported_by, reported_at)
SELECT r.finding_id, r.round, r.rectified_on, r.summary,
       CASE WHEN r.document_id IS NULL THEN '{}'::UUID[] ELSE ARRAY[r.document_id] END,
       r.reported_by, r.reported_at
  FROM evaluation_finding_rectification r
ON CONFLICT DO NOTHING;

INSERT INTO supervision_review (finding_id, round, decision, opinion, reviewed_by, reviewed_on, reviewed_at)
SELECT v.finding_id, v.round, v.decision, v.opinion, v.reviewed_by, v.reviewed_on, v.reviewed_at
  FROM evaluation_finding_review v
ON CONFLICT DO NOTHING;
