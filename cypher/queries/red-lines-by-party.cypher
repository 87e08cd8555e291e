// title: Red lines by party
// description: Every red line in a negotiation, grouped by the party that holds it, with the outcomes it rules out and a quote behind it.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
MATCH (party:Party)-[:HOLDS]->(redLine:Position {kind: 'red-line', negotiation: $negotiation})-[:ON]->(issue:Issue)
OPTIONAL MATCH (redLine)-[:AGAINST]->(ruledOut:Option)
WITH party, redLine, issue, collect(ruledOut.label) AS rulesOut
RETURN party.label AS holder, issue.label AS onIssue, redLine.summary AS summary, rulesOut,
       COLLECT { MATCH (s:Statement)-[:EVIDENCES]->(redLine) RETURN s.quote ORDER BY s.date LIMIT 1 }[0] AS quote,
       party, redLine
ORDER BY holder, onIssue
