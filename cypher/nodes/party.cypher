// A party's positions grouped by issue, and the people who speak for it.
MATCH (party:Party {id: $id})
RETURN COLLECT {
         MATCH (party)-[:HOLDS]->(position:Position)-[:ON]->(issue:Issue)
         WITH issue, position ORDER BY position.since, position.id
         WITH issue, collect(position {
           .id, .slug, .label, .kind, .kindLabel, .firmness, .summary,
           stated: toString(position.stated), since: toString(position.since)
         }) AS positions
         RETURN {issue: issue {.id, .slug, .label}, positions: positions} AS group
         ORDER BY group.issue.label
       } AS positionsByIssue,
       COLLECT {
         MATCH (person:Person)-[speaks:SPEAKS_FOR]->(party)
         RETURN person {.id, .label, .role} AS person ORDER BY person.label
       } AS people
