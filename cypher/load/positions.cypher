// Positions: who holds them, on which issue, for and against which options.
UNWIND $rows AS row
MATCH (issue:Issue {id: row.issue})
CREATE (position:Position {id: row.id, slug: row.slug, negotiation: row.negotiation, label: row.label,
                           summary: row.summary, kind: row.kind, kindLabel: row.kindLabel, cameo: row.cameo,
                           cameoLabel: row.cameoLabel, plover: row.plover, firmness: row.firmness,
                           firmnessRank: row.firmnessRank, stated: date(row.stated), since: date(row.since)})
CREATE (position)-[:ON]->(issue)
WITH position, row
CALL (position, row) {
  UNWIND row.holders AS holderId
  MATCH (holder:Party {id: holderId})
  CREATE (holder)-[:HOLDS]->(position)
}
CALL (position, row) {
  UNWIND row.for AS optionId
  MATCH (option:Option {id: optionId})
  CREATE (position)-[:FOR]->(option)
}
CALL (position, row) {
  UNWIND row.against AS optionId
  MATCH (option:Option {id: optionId})
  CREATE (position)-[:AGAINST]->(option)
}
