// title: Positions as they stood on a day
// description: The positions held on a given day (stated on or before it), newest first: how the talks looked then.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
// param: day: date = 2022-01-11 | the day, YYYY-MM-DD
MATCH (holder:Party)-[:HOLDS]->(position:Position {negotiation: $negotiation})
WHERE position.since <= date($day)
RETURN position.since AS since, holder.label AS party, position.kindLabel AS kind, position.summary AS summary,
       holder, position
ORDER BY since DESC, party
