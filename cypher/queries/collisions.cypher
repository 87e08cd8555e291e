// title: Where red lines meet demands
// description: Each demand that a position of another side rules out (against the demanded outcome) or rejects outright: the collisions of the talks.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
MATCH (demander:Party)-[:HOLDS]->(demand:Position {kind: 'demand', negotiation: $negotiation})-[:ON]->(issue:Issue)
MATCH (opponent:Party)-[:HOLDS]->(opposing:Position)
WHERE opponent.side IS NOT NULL AND demander.side IS NOT NULL AND opponent.side <> demander.side
  AND ((opposing)-[:REJECTS]->(demand) OR EXISTS { (demand)-[:FOR]->(:Option)<-[:AGAINST]-(opposing) })
RETURN issue.label AS onIssue, demander.label AS demandedBy, demand.summary AS demanded,
       opponent.label AS opposedBy, opposing.kindLabel AS how, opposing.summary AS opposition,
       demand, opposing
ORDER BY onIssue, demandedBy
