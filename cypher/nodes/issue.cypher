// An issue's options and each side's positions on it, side by side (concerned parties without a side
// under side null).
MATCH (issue:Issue {id: $id})
RETURN COLLECT {
         MATCH (issue)-[:HAS_OPTION]->(option:Option)
         RETURN option {.id, .slug, .label, .summary} AS option ORDER BY option.label
       } AS options,
       COLLECT {
         MATCH (position:Position)-[:ON]->(issue)
         MATCH (holder:Party)-[:HOLDS]->(position)
         WITH holder.side AS side, holder.sideLabel AS sideLabel, position, collect(holder.label) AS holders
         ORDER BY position.since, position.id
         WITH side, sideLabel, collect(position {
           .id, .slug, .label, .kind, .kindLabel, .firmness, .summary, holders: holders,
           for: [(position)-[:FOR]->(o:Option) | o.slug], against: [(position)-[:AGAINST]->(o:Option) | o.slug]
         }) AS positions
         RETURN {side: side, sideLabel: sideLabel, positions: positions} AS group
         ORDER BY group.side
       } AS sides
