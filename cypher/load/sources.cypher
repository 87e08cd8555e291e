// Sources: the articles that report the statements.
MATCH (negotiation:LoadingNegotiation {id: $stage})
UNWIND $rows AS row
CREATE (source:Source)
SET source = row, source.date = date(row.date)
CREATE (source)-[:REPORTS_ON]->(negotiation)
