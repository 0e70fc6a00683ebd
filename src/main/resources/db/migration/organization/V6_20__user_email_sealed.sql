-- Encryption at rest (issue 7.5): app_user.email holds the address sealed with SM4-GCM by the application
-- (sm4gcm:<key id>:<base64>), so the format check of V3_45 moves into the application (UserAccounts).
-- Rows still in clear are sealed at start-up (SealClearValues) with the key that lives outside the database;
-- NOT VALID lets them stand until then while every new or changed value must be sealed.
ALTER TABLE app_user DROP CONSTRAINT IF EXISTS app_user_email_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_email_sealed CHECK (email IS NULL OR email LIKE 'sm4gcm:%') NOT VALID;
