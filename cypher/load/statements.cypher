// Statements: the quotes behind positions, who said them, where they were reported and made.
UNWIND $rows AS row
MATCH (source:Source {id: row.source})
CREATE (statement:Statement {id: row.id, slug: row.slug, negotiation: row.negotiation, label: row.label,
                             quote: row.quote, paraphrase: row.paraphrase, date: date(row.date)})
CREATE (statement)-[:REPORTED_IN]->(source)
WITH statement, row
CALL (statement, row) {
  UNWIND row.positions AS positionId
  MATCH (position:Position {id: positionId})
  CREATE (statement)-[:EVIDENCES]->(position)
}
// Said by the speaker; by the party only when no speaker is named.
CALL (statement, row) {
  MATCH (speaker:Person {id: row.speaker})
  CREATE (speaker)-[:SAID]->(statement)
}
CALL (statement, row) {
  WITH row WHERE row.speaker IS NULL
  MATCH (party:Party {id: row.party})
  CREATE (party)-[:SAID]->(statement)
}
CALL (statement, row) {
  MATCH (event:Event {id: row.event})
  CREATE (statement)-[:MADE_AT]->(event)
}
