// Removing a staged load or a retired version, step 1 of 2 (remove-nodes.cypher follows): the relationships
// of its nodes, up to $limit per transaction. Deleting nodes directly would not fit: a party with thousands
// of relationships, all deleted in one transaction, can take more than Neo4j's memory limit for one.
// Locks the node that marks them (LoadingNegotiation or RetiredNegotiation, id $key) first, and marks it
// swept, so that a load still writing there stops at its next claim.
MATCH (holder:LoadingNegotiation|RetiredNegotiation {id: $key})
SET holder.sweptAt = coalesce(holder.sweptAt, datetime())
WITH holder
CALL (holder) {
  MATCH (n:Party|Person|Event|Source|Issue|Option|Position|Statement)
  WHERE n.negotiation = $key
  MATCH (n)-[r]-()
  WITH DISTINCT r LIMIT $limit
  DELETE r
  RETURN count(*) AS removed
}
RETURN removed
