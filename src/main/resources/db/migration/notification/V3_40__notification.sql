-- Notifications (待办提醒): one row per recipient. The text is stored as a message key with its arguments so
-- that it renders in the reader's language; dedup_key keeps a reminder from reaching the same user twice.
CREATE TABLE notification (
    id          UUID PRIMARY KEY,
    recipient   TEXT        NOT NULL REFERENCES app_user (username),
    message_key TEXT        NOT NULL,
    args        TEXT[]      NOT NULL DEFAULT '{}',
    link        TEXT,
    project_id  UUID,
    dedup_key   TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    read_at     TIMESTAMPTZ,
    CONSTRAINT notification_dedup UNIQUE (recipient, dedup_key)
);
CREATE INDEX notification_inbox_idx ON notification (recipient, (read_at IS NULL), created_at DESC);
