// Events (meetings, publications) of the negotiation.
MATCH (negotiation:LoadingNegotiation {id: $stage})
UNWIND $rows AS row
CREATE (event:Event {id: row.id, slug: row.slug, negotiation: row.negotiation, label: row.label,
                     date: date(row.date), place: row.place, summary: row.summary})
CREATE (event)-[:PART_OF]->(negotiation)
