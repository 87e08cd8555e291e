// title: All demands on an issue
// description: The demands every party makes on one issue, what each wants, and how firmly.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
// param: issue: string = enlargement | the issue's slug (its id in the dataset file)
MATCH (issue:Issue {negotiation: $negotiation, slug: $issue})<-[:ON]-(demand:Position {kind: 'demand'})<-[:HOLDS]-(party:Party)
OPTIONAL MATCH (demand)-[:FOR]->(wanted:Option)
RETURN party.label AS holder, demand.summary AS summary, demand.firmness AS firmness,
       collect(wanted.label) AS wants, party, demand, issue
ORDER BY holder, summary
