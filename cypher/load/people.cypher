// People, and the party each speaks for.
UNWIND $rows AS row
MATCH (party:Party {id: row.party})
CREATE (person:Person)
SET person = row {.id, .slug, .negotiation, .label, .role}
CREATE (person)-[:SPEAKS_FOR {role: coalesce(row.role, '')}]->(party)
