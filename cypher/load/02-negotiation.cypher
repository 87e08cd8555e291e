// The negotiation itself. $row: its properties.
MERGE (n:Negotiation {id: $row.id})
SET n = $row, n.date = date($row.date)
