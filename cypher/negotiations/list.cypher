// The negotiations in the database with how much each holds, for GET /api/negotiations.
MATCH (n:Negotiation)
RETURN n {.id, .label, .summary, date: toString(n.date), .place, .sides, .sideLabels} AS negotiation,
       {
         parties: COUNT { MATCH (x:Party) WHERE x.negotiation = n.id },
         people: COUNT { MATCH (x:Person) WHERE x.negotiation = n.id },
         issues: COUNT { MATCH (x:Issue) WHERE x.negotiation = n.id },
         options: COUNT { MATCH (x:Option) WHERE x.negotiation = n.id },
         positions: COUNT { MATCH (x:Position) WHERE x.negotiation = n.id },
         statements: COUNT { MATCH (x:Statement) WHERE x.negotiation = n.id },
         sources: COUNT { MATCH (x:Source) WHERE x.negotiation = n.id },
         events: COUNT { MATCH (x:Event) WHERE x.negotiation = n.id }
       } AS counts
ORDER BY n.date, n.id
