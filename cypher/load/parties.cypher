// Parties: at the table on a side (PARTY_TO), or concerned without a side (CONCERNED_BY).
// Every staged step creates: the nodes are new, written under the load's own key ($stage).
MATCH (negotiation:LoadingNegotiation {id: $stage})
UNWIND $rows AS row
CREATE (party:Party)
SET party = row
FOREACH (_ IN CASE WHEN row.side IS NULL THEN [] ELSE [1] END |
  CREATE (party)-[:PARTY_TO {side: row.side, sideLabel: row.sideLabel}]->(negotiation))
FOREACH (_ IN CASE WHEN row.side IS NULL THEN [1] ELSE [] END |
  CREATE (party)-[:CONCERNED_BY]->(negotiation))
