// Statements: the quotes behind positions, who said them, where they were reported and made.
UNWIND $rows AS row
MATCH (source:Source {id: row.source})
CREATE (statement:Statement)
SET statement = row {.id, .slug, .negotiation, .label, .quote, .paraphrase}, statement.date = date(row.date)
CREATE (statement)-[:REPORTED_IN]->(source)
WITH statement, row
CALL (statement, row) {
  UNWIND row.positions AS positionId
  MATCH (position:Position {id: positionId})
  CREATE (statement)-[:EVIDENCES]->(position)
}
CALL (statement, row) {
  OPTIONAL MATCH (speaker:Person {id: row.speaker})
  OPTIONAL MATCH (party:Party {id: row.party})
  WITH statement, coalesce(speaker, party) AS who
  WHERE who IS NOT NULL
  CREATE (who)-[:SAID]->(statement)
}
CALL (statement, row) {
  MATCH (event:Event {id: row.event})
  CREATE (statement)-[:MADE_AT]->(event)
}
