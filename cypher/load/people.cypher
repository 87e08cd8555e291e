// People, and the party each speaks for.
UNWIND $rows AS row
MATCH (party:Party {id: row.party})
CREATE (person:Person {id: row.id, slug: row.slug, negotiation: row.negotiation, label: row.label, role: row.role})
CREATE (person)-[:SPEAKS_FOR {role: coalesce(row.role, '')}]->(party)
