// Issues: the dimensions on which an outcome is decided.
UNWIND $rows AS row
MATCH (negotiation:Negotiation {id: $negotiation})
MERGE (issue:Issue {id: row.id})
SET issue = row
MERGE (negotiation)-[:HAS_ISSUE]->(issue)
