// title: Best-evidenced positions
// description: Positions ranked by how many statements and how many different outlets stand behind them.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
// param: limit: integer = 15 | how many positions
MATCH (position:Position {negotiation: $negotiation})<-[:EVIDENCES]-(statement:Statement)-[:REPORTED_IN]->(source:Source)
RETURN position.label AS label, count(DISTINCT statement) AS statements, count(DISTINCT source) AS outlets, position
ORDER BY outlets DESC, statements DESC, label
LIMIT toInteger($limit)
