// Removing a staged load or a retired version, step 2 of 2: its nodes, up to $limit per transaction, and the
// node that marks them (id $key) with the last slice, so that whatever is left is always marked.
MATCH (holder:LoadingNegotiation|RetiredNegotiation {id: $key})
SET holder.sweptAt = coalesce(holder.sweptAt, datetime())
WITH holder
CALL (holder) {
  MATCH (n:Party|Person|Event|Source|Issue|Option|Position|Statement)
  WHERE n.negotiation = $key
  WITH n LIMIT $limit
  DETACH DELETE n
  RETURN count(*) AS removed
}
CALL (holder, removed) {
  WITH holder WHERE removed < $limit
  DETACH DELETE holder
}
RETURN removed
