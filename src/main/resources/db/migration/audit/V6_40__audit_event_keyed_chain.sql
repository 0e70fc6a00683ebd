-- The chain becomes keyed: each new event's hash is HMAC-SM3 under a key kept outside the database, and names
-- that key's id so that keys can rotate. Events written before have no key id and stay plain SM3; the first
-- keyed event (a checkpoint written at start-up) covers their head hash.
ALTER TABLE audit_event ADD COLUMN key_id TEXT;
