-- Erasure and deletion requests from tablets (UK GDPR), one row per request id (the device's
-- idempotency key), written in the same transaction as the change it asks for. Only ids and a
-- pseudonym are kept here: a request never carries a name.
CREATE TABLE privacy_requests (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('erase-person', 'delete-meeting', 'delete-group')),
  group_id text NOT NULL,
  body jsonb NOT NULL,
  affected integer NOT NULL CHECK (affected >= 0),
  device_key_id text REFERENCES device_keys (id),
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX privacy_requests_group ON privacy_requests (group_id);
