-- The programme reflection page sums every group's figures over a period: thousands of summaries
-- at the scale benchmark's 100,000, about a third of a second each time. The server keeps each
-- group's sums between requests (src/figure-cache.ts) and sums a group again only when its
-- summaries have changed since. This count is how it knows: every statement that writes a group's
-- summaries (a send, a batch, an erasure, a deletion by a privacy request or by retention) adds
-- one to it, in the same statement or transaction. It only ever rises, so a reader that compares
-- it with the count it summed at sees any change committed since.
ALTER TABLE group_owners ADD COLUMN changes bigint NOT NULL DEFAULT 0;

-- The groups that met in a period are read at every programme page (with their counts, and to
-- list and count them): from an index of dates that holds the group too, the quarter's entries
-- alone answer it, without reading the rows. It replaces the index of dates alone, which it serves.
CREATE INDEX summaries_date_group ON summaries (meeting_date, group_id);
DROP INDEX summaries_date
