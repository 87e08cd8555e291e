// Options: the concrete outcomes an issue could have.
UNWIND $rows AS row
MATCH (issue:Issue {id: row.issue})
CREATE (option:Option {id: row.id, slug: row.slug, negotiation: row.negotiation, label: row.label,
                       summary: row.summary})
CREATE (issue)-[:HAS_OPTION]->(option)
