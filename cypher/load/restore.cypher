// Undoing a replacement: the retired Negotiation node, whose nodes are back under the negotiation's id,
// is the Negotiation again (a stand-in for nodes that had none goes).
MATCH (old:RetiredNegotiation {id: $retired})
FOREACH (_ IN CASE WHEN old.orphans THEN [] ELSE [1] END |
  REMOVE old:RetiredNegotiation
  SET old:Negotiation, old.id = $negotiation)
WITH old
WHERE old.orphans
DELETE old
