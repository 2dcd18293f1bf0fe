-- Work sharing between instances (several mailroom processes on one
-- database). A message or an outbox row is claimed by one worker until
-- `lease_until`; a crashed worker's claims expire and others take them.
-- Times are RFC 3339 UTC with microseconds, so text order is time order.
ALTER TABLE messages ADD COLUMN lease_owner TEXT;
ALTER TABLE messages ADD COLUMN lease_until TEXT;
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN lease_until TEXT;

-- Named leases: `mailbox:SOURCE` (exactly one poller per mailbox) and
-- `instance:ID` (a heartbeat, so instances know how many share the work).
CREATE TABLE leases (
    name    TEXT PRIMARY KEY,
    holder  TEXT NOT NULL,
    until   TEXT NOT NULL
);
