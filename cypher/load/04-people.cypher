// People, and the party each speaks for.
UNWIND $rows AS row
MATCH (party:Party {id: row.party})
MERGE (person:Person {id: row.id})
SET person = row {.id, .slug, .negotiation, .label, .role}
MERGE (person)-[:SPEAKS_FOR {role: coalesce(row.role, '')}]->(party)
