// A position with everything needed to read it: holders, issue, options, related positions, and every
// statement behind it with its speaker, date, source and event.
MATCH (position:Position {id: $id})-[:ON]->(issue:Issue)
RETURN issue {.id, .slug, .label, .summary} AS issue,
       COLLECT {
         MATCH (party:Party)-[:HOLDS]->(position)
         RETURN party {.id, .slug, .label, .side, .sideLabel, .color} AS holder ORDER BY holder.label
       } AS holders,
       COLLECT { MATCH (position)-[:FOR]->(o:Option) RETURN o {.id, .slug, .label} AS o ORDER BY o.label } AS for,
       COLLECT { MATCH (position)-[:AGAINST]->(o:Option) RETURN o {.id, .slug, .label} AS o ORDER BY o.label } AS against,
       COLLECT {
         MATCH (position)-[r:COUNTERS|REJECTS|CONDITIONAL_ON]-(other:Position)
         RETURN {
           relationship: type(r),
           direction: CASE WHEN startNode(r) = position THEN 'outgoing' ELSE 'incoming' END,
           position: other {.id, .slug, .label, .kind, .kindLabel, .firmness},
           holders: [(holder:Party)-[:HOLDS]->(other) | holder.label]
         } AS related
         ORDER BY related.relationship, related.position.label
       } AS related,
       COLLECT {
         MATCH (statement:Statement)-[:EVIDENCES]->(position)
         MATCH (statement)-[:REPORTED_IN]->(source:Source)
         OPTIONAL MATCH (speaker)-[:SAID]->(statement)
         OPTIONAL MATCH (statement)-[:MADE_AT]->(event:Event)
         RETURN statement {
           .id, .quote, .paraphrase, date: toString(statement.date),
           speaker: speaker {.id, .label, .role, nodeType: labels(speaker)[0]},
           source: source {.id, .outlet, .title, date: toString(source.date), .url},
           event: event {.id, .label, date: toString(event.date), .place}
         } AS statement
         ORDER BY statement.date, statement.id
       } AS statements
