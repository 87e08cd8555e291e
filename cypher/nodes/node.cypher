// One node by id with its labels, properties and direct neighbours, for GET /api/nodes/:id.
MATCH (n {id: $id})
RETURN n,
       COLLECT {
         MATCH (n)-[r]-(m)
         RETURN {
           relationship: type(r),
           direction: CASE WHEN startNode(r) = n THEN 'outgoing' ELSE 'incoming' END,
           node: {id: m.id, label: m.label, nodeType: labels(m)[0]}
         } AS neighbour
         ORDER BY neighbour.relationship, neighbour.node.label
       } AS neighbours
