// Parties: at the table on a side (PARTY_TO), or concerned without a side (CONCERNED_BY).
// Every staged step creates: the nodes are new, written under the load's own key ($stage). Properties are
// given in CREATE, not SET from a map, so that the planner needs no Eager step (which holds every row).
MATCH (negotiation:LoadingNegotiation {id: $stage})
UNWIND $rows AS row
CREATE (party:Party {id: row.id, slug: row.slug, negotiation: row.negotiation, label: row.label, type: row.type,
                     side: row.side, sideLabel: row.sideLabel, color: row.color, summary: row.summary})
FOREACH (_ IN CASE WHEN row.side IS NULL THEN [] ELSE [1] END |
  CREATE (party)-[:PARTY_TO {side: row.side, sideLabel: row.sideLabel}]->(negotiation))
FOREACH (_ IN CASE WHEN row.side IS NULL THEN [1] ELSE [] END |
  CREATE (party)-[:CONCERNED_BY]->(negotiation))
