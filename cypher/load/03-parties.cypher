// Parties: at the table on a side (PARTY_TO), or concerned without a side (CONCERNED_BY).
UNWIND $rows AS row
MATCH (negotiation:Negotiation {id: $negotiation})
MERGE (party:Party {id: row.id})
SET party = row
FOREACH (_ IN CASE WHEN row.side IS NULL THEN [] ELSE [1] END |
  MERGE (party)-[:PARTY_TO {side: row.side, sideLabel: row.sideLabel}]->(negotiation))
FOREACH (_ IN CASE WHEN row.side IS NULL THEN [1] ELSE [] END |
  MERGE (party)-[:CONCERNED_BY]->(negotiation))
