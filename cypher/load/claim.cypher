// First statement of every transaction that changes a staged load: takes its marker's write lock (the SET),
// so that the load and a removal of it never interleave, and says whether the load may go on.
// $sweeping: true when the caller is undoing the load; the load itself then stops at its next claim.
// No row: the load is gone (undone by another load of the same negotiation).
MATCH (n:LoadingNegotiation {id: $stage})
SET n.touchedAt = datetime(),
    n.sweptAt = CASE WHEN $sweeping THEN coalesce(n.sweptAt, datetime()) ELSE n.sweptAt END
RETURN $sweeping OR n.sweptAt IS NULL AS ours, n.phase AS phase, n.retired AS retired
