-- The office's reflection pages (issue 24) sum each summary's figures over a quarter of every
-- group: thousands of summaries a page at the scale benchmark's 100,000. Read from the body, each
-- of those rows is a compressed document of a few KB to unpack, for each of the pages' queries.
-- `figures` keeps only what the pages read, small enough to be stored uncompressed in the row,
-- made by the database itself whenever a body is written (a new revision or an erasure included),
-- so it can never disagree with the body. Its shape:
--   voiceBalance  [{perspective, talkSeconds, fairShareSeconds, present}]  (present: that
--                 perspective's people at the meeting, from presentByPerspective; 0 if not sent)
--   checkIn       {prompts: [{prompt, counts}]}, as sent
--   decisions     {inGroup, deferred, elsewhere}: how many were made in the group (consensus,
--                 vote or the chair), deferred, or made elsewhere
--   dissent       {parked, resolved, standing}, as sent
--   jargon        how many glossary terms were raised
--   actions       [{ref, status, due, doneOn}] in the order sent, no words; followedUp the same
-- The function holds no semicolon: migrations are split into statements at each one.
CREATE FUNCTION reflection_figures(body jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT jsonb_build_object(
  'voiceBalance', COALESCE((
    SELECT jsonb_agg(jsonb_build_object(
      'perspective', v->'perspective',
      'talkSeconds', v->'talkSeconds',
      'fairShareSeconds', v->'fairShareSeconds',
      'present', COALESCE((body->'presentByPerspective'->>(v->>'perspective'))::integer, 0)) ORDER BY n)
    FROM jsonb_array_elements(body->'voiceBalance') WITH ORDINALITY AS b(v, n)), '[]'::jsonb),
  'checkIn', jsonb_build_object('prompts', COALESCE(body->'checkIn'->'prompts', '[]'::jsonb)),
  'decisions', (
    SELECT jsonb_build_object(
      'inGroup', count(*) FILTER (WHERE x->>'how' IN ('consensus', 'vote', 'chair')),
      'deferred', count(*) FILTER (WHERE x->>'how' = 'deferred'),
      'elsewhere', count(*) FILTER (WHERE x->>'how' = 'elsewhere'))
    FROM jsonb_array_elements(COALESCE(body->'decisions', '[]'::jsonb)) AS x),
  'dissent', body->'dissent',
  'jargon', jsonb_array_length(COALESCE(body->'glossaryTerms', '[]'::jsonb)),
  'actions', COALESCE((
    SELECT jsonb_agg(jsonb_build_object('ref', x->'ref', 'status', x->'status', 'due', x->'due', 'doneOn', x->'doneOn') ORDER BY n)
    FROM jsonb_array_elements(body->'actions') WITH ORDINALITY AS a(x, n)), '[]'::jsonb),
  'followedUp', COALESCE((
    SELECT jsonb_agg(jsonb_build_object('ref', x->'ref', 'status', x->'status', 'due', x->'due', 'doneOn', x->'doneOn') ORDER BY n)
    FROM jsonb_array_elements(COALESCE(body->'followedUp', '[]'::jsonb)) WITH ORDINALITY AS f(x, n)), '[]'::jsonb)
)
$$;

ALTER TABLE summaries ADD COLUMN figures jsonb GENERATED ALWAYS AS (reflection_figures(body)) STORED;

-- The office names a group by the name in its latest summary that has one: only the summaries of
-- groups that send names are in this index, so a group that does not is one empty look-up.
CREATE INDEX summaries_named ON summaries (group_id, meeting_date DESC, updated_at DESC) WHERE body ? 'groupName';
