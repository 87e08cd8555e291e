// Reloading a negotiation: first remove its nodes that the file no longer has, and all relationships
// of the nodes it keeps (they are re-created below), so the graph matches the file exactly.
// $negotiation: the negotiation's id; $ids: the ids of every node the file defines.
MATCH (n:Party|Person|Event|Source|Issue|Option|Position|Statement)
WHERE n.negotiation = $negotiation
OPTIONAL MATCH (n)-[r]-()
DELETE r
WITH DISTINCT n
WHERE NOT n.id IN $ids
DELETE n
