-- Issue 7.4: each stored file has a kind whose allow-list its content type (detected from the bytes) had to
-- pass. Files stored before this have the general project-document kind; offline registrations have none.
ALTER TABLE document ADD COLUMN kind TEXT
    CHECK (kind IN ('PROJECT_DOCUMENT', 'ACCEPTANCE_MATERIAL', 'EVIDENCE'));
UPDATE document SET kind = 'PROJECT_DOCUMENT' WHERE storage_name IS NOT NULL;
ALTER TABLE document ADD CONSTRAINT document_kind_of_files
    CHECK ((storage_name IS NULL AND kind IS NULL) OR (storage_name IS NOT NULL AND kind IS NOT NULL));
