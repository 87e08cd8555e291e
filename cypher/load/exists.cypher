// Whether the database already holds a negotiation of this id (a load then needs --replace).
OPTIONAL MATCH (n:Negotiation {id: $negotiation})
RETURN n IS NOT NULL AS exists
