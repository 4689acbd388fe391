-- Two kinds of key (issue 18). A device key (a tablet's) may only send summaries and requests; an
-- office key reads them and may make any request. Every key made before this migration was a
-- tablet's: it becomes a device key.
ALTER TABLE device_keys ADD COLUMN role text NOT NULL DEFAULT 'device' CHECK (role IN ('device', 'office'));

-- Whose a group is: the device key that first sent a summary for it, until the office moves it.
-- Only that key may send the group's summaries or ask for them to be erased or deleted.
CREATE TABLE group_owners (
  group_id text PRIMARY KEY,
  key_id text NOT NULL REFERENCES device_keys (id),
  since timestamptz NOT NULL DEFAULT now()
);

-- Every move of a group to another key, and who moved it (an office key's id, or "command line").
CREATE TABLE group_moves (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  group_id text NOT NULL,
  from_key_id text REFERENCES device_keys (id),
  to_key_id text NOT NULL REFERENCES device_keys (id),
  moved_by text NOT NULL,
  moved_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX group_moves_group ON group_moves (group_id, moved_at);

-- Groups that already have summaries belong to the key that sent the first of them still stored
-- (a row keeps the key that last wrote it, which is that tablet's for every group sent by one).
INSERT INTO group_owners (group_id, key_id, since)
SELECT DISTINCT ON (group_id) group_id, device_key_id, received_at
FROM summaries
WHERE device_key_id IS NOT NULL
ORDER BY group_id, received_at, id;

-- Listing pages by (group, meeting date, id): the keyset cursor's order.
CREATE INDEX summaries_page ON summaries (group_id, meeting_date, id);
