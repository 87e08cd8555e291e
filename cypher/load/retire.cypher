// Switching, first step when the negotiation's id is taken: its current Negotiation node leaves readers'
// view under the key $retired (its nodes follow, a slice at a time, in rename.cypher). Nodes under the id
// without a Negotiation node get a stand-in marked `orphans`. Kept until the new version is published, and
// put back by restore.cypher if the load fails.
MATCH (marker:LoadingNegotiation {id: $stage})
OPTIONAL MATCH (old:Negotiation {id: $negotiation})
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (:RetiredNegotiation {id: $retired, orphans: true}))
FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END |
  REMOVE old:Negotiation
  SET old:RetiredNegotiation, old.id = $retired)
SET marker.phase = 'retiring', marker.retired = $retired
