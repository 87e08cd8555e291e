// Records the step a staged load has reached (see stage.cypher), in the transaction that completes the previous.
MATCH (n:LoadingNegotiation {id: $stage})
SET n.phase = $phase
