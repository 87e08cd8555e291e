// Events (meetings, publications) of the negotiation.
MATCH (negotiation:LoadingNegotiation {id: $stage})
UNWIND $rows AS row
CREATE (event:Event)
SET event = row, event.date = date(row.date)
CREATE (event)-[:PART_OF]->(negotiation)
