// Whether the database already holds a negotiation of this id (a load then needs --replace), and whether
// nodes under its id are there without it (left by a deletion of the Negotiation node alone): both are
// moved aside before the new version takes the id.
OPTIONAL MATCH (n:Negotiation {id: $negotiation})
RETURN n IS NOT NULL AS exists,
       EXISTS {
         MATCH (x:Party|Person|Event|Source|Issue|Option|Position|Statement)
         WHERE x.negotiation = $negotiation
       } AS hasNodes
