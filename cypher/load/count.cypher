// How many nodes and relationships a negotiation has (relationships counted once, from their start node).
MATCH (n)
WHERE n.negotiation = $negotiation OR (n:Negotiation AND n.id = $negotiation)
OPTIONAL MATCH (n)-[r]->()
RETURN count(DISTINCT n) AS nodes, count(r) AS relationships
