-- Prospects whose last contact initiated by them (a click, a form, an inbound call; an opened
-- e-mail does not count, CNIL NS-048) is older than the cutoff, or who never initiated one and
-- were created before it. Bind parameter: cutoff. Returns the prospects' primary keys.
SELECT p.prospect_id
FROM prospects p
LEFT JOIN prospect_interactions i
  ON i.prospect_id = p.prospect_id AND i.kind IN ('click', 'form', 'inbound_call')
GROUP BY p.prospect_id, p.created_at
HAVING COALESCE(MAX(i.occurred_at), p.created_at) < :cutoff
