// title: Parties and sides
// description: Who sits at the table on which side, who is concerned without a seat, and how many positions each holds.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
MATCH (party:Party)-[seat:PARTY_TO|CONCERNED_BY]->(negotiation:Negotiation {id: $negotiation})
RETURN coalesce(seat.sideLabel, 'concerned, not at the table') AS side, party.label AS name, party.type AS type,
       COUNT { (party)-[:HOLDS]->(:Position) } AS positions, party
ORDER BY side, positions DESC, name
