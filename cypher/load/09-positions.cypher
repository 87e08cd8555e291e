// Positions: who holds them, on which issue, for and against which options.
UNWIND $rows AS row
MATCH (issue:Issue {id: row.issue})
MERGE (position:Position {id: row.id})
SET position = row {.id, .slug, .negotiation, .label, .summary, .kind, .kindLabel, .cameo, .cameoLabel, .plover,
                    .firmness, .firmnessRank},
    position.stated = date(row.stated),
    position.since = date(row.since)
MERGE (position)-[:ON]->(issue)
WITH position, row
CALL (position, row) {
  UNWIND row.holders AS holderId
  MATCH (holder:Party {id: holderId})
  MERGE (holder)-[:HOLDS]->(position)
}
CALL (position, row) {
  UNWIND row.for AS optionId
  MATCH (option:Option {id: optionId})
  MERGE (position)-[:FOR]->(option)
}
CALL (position, row) {
  UNWIND row.against AS optionId
  MATCH (option:Option {id: optionId})
  MERGE (position)-[:AGAINST]->(option)
}
