// title: Positions stated at an event
// description: The positions that statements made at one event (a meeting, a press conference) stand behind.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
// param: event: string = nrc-2022-01-12 | the event's slug
MATCH (event:Event {negotiation: $negotiation, slug: $event})<-[:MADE_AT]-(statement:Statement)-[:EVIDENCES]->(position:Position)
MATCH (holder:Party)-[:HOLDS]->(position)
WITH event, position, collect(DISTINCT holder.label) AS holders, count(DISTINCT statement) AS statements
RETURN position.label AS label, position.kindLabel AS kind, holders, statements, event, position
ORDER BY statements DESC, label
