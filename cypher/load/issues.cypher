// Issues: the dimensions on which an outcome is decided.
MATCH (negotiation:LoadingNegotiation {id: $stage})
UNWIND $rows AS row
CREATE (issue:Issue)
SET issue = row
CREATE (negotiation)-[:HAS_ISSUE]->(issue)
