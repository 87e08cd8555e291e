// A replacement's first switching step: the current Negotiation node leaves readers' view under the key
// $retired (its nodes follow, a slice at a time, in rename.cypher), kept until the new version is published
// and restored by restore.cypher if the load fails.
MATCH (marker:LoadingNegotiation {id: $stage})
MATCH (old:Negotiation {id: $negotiation})
REMOVE old:Negotiation
SET old:RetiredNegotiation, old.id = $retired, old.retiredBy = $stage,
    marker.phase = 'retiring', marker.retired = $retired
