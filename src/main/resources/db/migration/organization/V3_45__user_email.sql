-- An optional e-mail address per user: notifications are mailed to it when the platform has an SMTP server.
ALTER TABLE app_user ADD COLUMN email TEXT CHECK (email IS NULL OR (length(email) <= 254 AND email LIKE '%_@_%'));
