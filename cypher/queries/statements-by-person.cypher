// title: Statements by a person
// description: Everything one person is quoted as saying, with the positions it evidences and where it was reported.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
// param: person: string = alexander-grushko | the person's slug
MATCH (person:Person {negotiation: $negotiation, slug: $person})-[:SAID]->(statement:Statement)-[:REPORTED_IN]->(source:Source)
OPTIONAL MATCH (statement)-[:EVIDENCES]->(position:Position)
RETURN statement.date AS date, statement.quote AS quote, source.outlet AS outlet,
       collect(position.label) AS evidences, person, statement, source
ORDER BY date, quote
