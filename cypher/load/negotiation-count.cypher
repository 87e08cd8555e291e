// How many negotiations the database holds (start-up loads the bundled ones when none).
MATCH (n:Negotiation)
RETURN count(n) AS negotiations
