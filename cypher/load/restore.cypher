// Undoing a replacement: the retired Negotiation node, whose nodes are back under the negotiation's id,
// is the Negotiation again.
MATCH (old:RetiredNegotiation {id: $retired})
REMOVE old:RetiredNegotiation, old.retiredBy
SET old:Negotiation, old.id = $negotiation
