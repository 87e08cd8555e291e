// The ego network of one node, for GET /api/nodes/:id/neighbourhood: every node within $depth (1 to 3)
// steps in either direction, and the relationships among them. Rings are collected breadth-first, so a
// node is reached once however many paths lead to it.
MATCH (start {id: $id})
WITH start, COLLECT { MATCH (start)--(m) RETURN DISTINCT m } AS ring1
WITH start, ring1,
     CASE WHEN $depth >= 2 THEN COLLECT { UNWIND ring1 AS a MATCH (a)--(m) RETURN DISTINCT m } ELSE [] END AS ring2
WITH start, ring1, ring2,
     CASE WHEN $depth >= 3 THEN COLLECT { UNWIND ring2 AS a MATCH (a)--(m) RETURN DISTINCT m } ELSE [] END AS ring3
UNWIND [start] + ring1 + ring2 + ring3 AS node
// Grouped by the start node, so an unknown id gives no row at all.
WITH start, collect(DISTINCT node) AS nodes
RETURN nodes,
       COLLECT {
         UNWIND nodes AS a
         MATCH (a)-[r]->(b)
         WHERE b IN nodes
         RETURN r
       } AS relationships
