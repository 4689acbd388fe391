-- Device keys: only a SHA-256 of each key is kept; the key itself is shown once, at creation.
CREATE TABLE device_keys (
  id text PRIMARY KEY,
  label text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- One row per summary id (the device's idempotency key); a newer revision replaces the row.
CREATE TABLE summaries (
  id uuid PRIMARY KEY,
  revision integer NOT NULL CHECK (revision >= 1),
  group_id text NOT NULL,
  meeting_id text NOT NULL,
  meeting_date date NOT NULL,
  body jsonb NOT NULL,
  device_key_id text REFERENCES device_keys (id),
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX summaries_group_date ON summaries (group_id, meeting_date);
CREATE INDEX summaries_date ON summaries (meeting_date);

-- Office page sign-ins: a random token in an HttpOnly cookie, stored hashed, tied to the key
-- that signed in (revoking the key ends the session at once).
CREATE TABLE office_sessions (
  token_hash text PRIMARY KEY,
  key_id text NOT NULL REFERENCES device_keys (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
