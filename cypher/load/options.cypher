// Options: the concrete outcomes an issue could have.
UNWIND $rows AS row
MATCH (issue:Issue {id: row.issue})
CREATE (option:Option)
SET option = row {.id, .slug, .negotiation, .label, .summary}
CREATE (issue)-[:HAS_OPTION]->(option)
