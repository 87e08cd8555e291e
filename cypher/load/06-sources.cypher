// Sources: the articles that report the statements.
UNWIND $rows AS row
MATCH (negotiation:Negotiation {id: $negotiation})
MERGE (source:Source {id: row.id})
SET source = row, source.date = date(row.date)
MERGE (source)-[:REPORTS_ON]->(negotiation)
