-- The stages of the approval path approved so far (Art. 9); the last one sets the approved estimate.
ALTER TABLE project ADD COLUMN approved_stages TEXT[] NOT NULL DEFAULT '{}';
