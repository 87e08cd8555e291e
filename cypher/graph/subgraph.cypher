// The graph of one negotiation, filtered, for GET /api/graph: positions with their holders, issues and
// options, and (on request) the statements behind them with their sources, speakers and events.
// Parameters (null means "no filter"): $negotiation; $parties, $issues, $kinds, $sides: lists of slugs/kinds;
// $asOf: 'YYYY-MM-DD', positions held by then; $include: optional labels among
// 'Statement', 'Source', 'Person', 'Event', 'Negotiation'.
MATCH (negotiation:Negotiation {id: $negotiation})
OPTIONAL MATCH (negotiation)-[:HAS_ISSUE]->(issue:Issue)<-[:ON]-(position:Position)<-[:HOLDS]-(holder:Party)
  WHERE ($issues IS NULL OR issue.slug IN $issues)
    AND ($kinds IS NULL OR position.kind IN $kinds)
    AND ($asOf IS NULL OR position.since <= date($asOf))
    AND ($parties IS NULL OR holder.slug IN $parties)
    AND ($sides IS NULL OR holder.side IN $sides)
WITH negotiation, collect(DISTINCT position) AS positions
// Issues (with their options) and parties stay on the canvas when none of their positions pass the filters.
WITH negotiation, positions,
     COLLECT {
       MATCH (negotiation)-[:HAS_ISSUE]->(issue:Issue)
       WHERE $issues IS NULL OR issue.slug IN $issues
       RETURN issue
     } AS issues,
     COLLECT {
       MATCH (party:Party)-[:PARTY_TO|CONCERNED_BY]->(negotiation)
       WHERE ($parties IS NULL OR party.slug IN $parties) AND ($sides IS NULL OR party.side IN $sides)
       RETURN party
     } + COLLECT {
       UNWIND positions AS position
       MATCH (coHolder:Party)-[:HOLDS]->(position)
       RETURN coHolder
     } AS parties
WITH negotiation, positions, issues, parties,
     COLLECT { UNWIND issues AS issue MATCH (issue)-[:HAS_OPTION]->(option:Option) RETURN option } AS options,
     CASE WHEN 'Statement' IN $include OR 'Source' IN $include OR 'Person' IN $include OR 'Event' IN $include
       THEN COLLECT {
         UNWIND positions AS position
         MATCH (statement:Statement)-[:EVIDENCES]->(position)
         WHERE $asOf IS NULL OR statement.date <= date($asOf)
         RETURN DISTINCT statement
       }
       ELSE [] END AS statements
WITH negotiation, positions, issues, parties, options, statements,
     COLLECT {
       UNWIND statements AS statement
       MATCH (statement)-[:REPORTED_IN|MADE_AT]->(context)
       WHERE (context:Source AND 'Source' IN $include) OR (context:Event AND 'Event' IN $include)
       RETURN context
       UNION
       UNWIND statements AS statement
       MATCH (person:Person)-[:SAID]->(statement)
       WHERE 'Person' IN $include
       RETURN person AS context
     } AS context
WITH negotiation,
     positions + issues + parties + options + context
     + CASE WHEN 'Statement' IN $include THEN statements ELSE [] END
     + CASE WHEN 'Negotiation' IN $include THEN [negotiation] ELSE [] END AS candidates
UNWIND candidates AS node
// Grouped by the negotiation, so an unknown negotiation gives no row at all.
WITH negotiation, collect(DISTINCT node) AS nodes
RETURN nodes,
       COLLECT {
         UNWIND nodes AS a
         MATCH (a)-[r]->(b)
         WHERE b IN nodes
         RETURN r
       } AS relationships
