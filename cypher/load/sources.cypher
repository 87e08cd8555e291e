// Sources: the articles that report the statements.
MATCH (negotiation:LoadingNegotiation {id: $stage})
UNWIND $rows AS row
CREATE (source:Source {id: row.id, slug: row.slug, negotiation: row.negotiation, label: row.label,
                       outlet: row.outlet, title: row.title, date: date(row.date), url: row.url})
CREATE (source)-[:REPORTS_ON]->(negotiation)
