// Events (meetings, publications) of the negotiation.
UNWIND $rows AS row
MATCH (negotiation:Negotiation {id: $negotiation})
MERGE (event:Event {id: row.id})
SET event = row, event.date = date(row.date)
MERGE (event)-[:PART_OF]->(negotiation)
