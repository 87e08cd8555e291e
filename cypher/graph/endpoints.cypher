// Nodes by element id: the ends of relationships in a Cypher console result that the result did not return.
MATCH (n)
WHERE elementId(n) IN $elementIds
RETURN n
