-- Encryption at rest (issue 7.5): an expert's resident ID number and phone, sealed with SM4-GCM by the
-- application (sm4gcm:<key id>:<base64>) under a key kept outside the database. The ID number is looked up and
-- kept unique through its blind index (hex HMAC-SM3 of the normalised number under a separate key).
ALTER TABLE expert ADD COLUMN id_number TEXT CHECK (id_number IS NULL OR id_number LIKE 'sm4gcm:%');
ALTER TABLE expert ADD COLUMN id_number_index TEXT UNIQUE CHECK (id_number_index IS NULL OR id_number_index ~ '^[0-9a-f]{64}$');
ALTER TABLE expert ADD COLUMN phone TEXT CHECK (phone IS NULL OR phone LIKE 'sm4gcm:%');
ALTER TABLE expert ADD CONSTRAINT expert_id_number_indexed CHECK ((id_number IS NULL) = (id_number_index IS NULL));
