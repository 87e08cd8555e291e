// Options: the concrete outcomes an issue could have.
UNWIND $rows AS row
MATCH (issue:Issue {id: row.issue})
MERGE (option:Option {id: row.id})
SET option = row {.id, .slug, .negotiation, .label, .summary}
MERGE (issue)-[:HAS_OPTION]->(option)
