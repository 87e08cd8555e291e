// Issues: the dimensions on which an outcome is decided.
MATCH (negotiation:LoadingNegotiation {id: $stage})
UNWIND $rows AS row
CREATE (issue:Issue {id: row.id, slug: row.slug, negotiation: row.negotiation, label: row.label, summary: row.summary})
CREATE (negotiation)-[:HAS_ISSUE]->(issue)
