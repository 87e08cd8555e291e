// Publishing: the staged negotiation node, whose nodes now carry the negotiation's id, becomes the
// Negotiation that readers list and open; the retired old version (if any) is left to be removed.
MATCH (n:LoadingNegotiation {id: $stage})
OPTIONAL MATCH (old:RetiredNegotiation {id: n.retired})
SET old.obsolete = true
REMOVE n:LoadingNegotiation, n.loadOf, n.phase, n.retired, n.startedAt, n.touchedAt, n.sweptAt
SET n:Negotiation, n.id = $negotiation
