// How positions relate: one counters, rejects, or is conditional on another (after all positions exist).
UNWIND $rows AS row
MATCH (position:Position {id: row.id})
CALL (position, row) {
  UNWIND row.counters AS otherId
  MATCH (other:Position {id: otherId})
  CREATE (position)-[:COUNTERS]->(other)
}
CALL (position, row) {
  UNWIND row.rejects AS otherId
  MATCH (other:Position {id: otherId})
  CREATE (position)-[:REJECTS]->(other)
}
CALL (position, row) {
  UNWIND row.conditionalOn AS otherId
  MATCH (other:Position {id: otherId})
  CREATE (position)-[:CONDITIONAL_ON]->(other)
}
