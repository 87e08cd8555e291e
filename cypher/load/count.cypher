// How many nodes and relationships a negotiation has (relationships counted once, from their start node).
MATCH (negotiation:Negotiation {id: $negotiation})
CALL (negotiation) {
  MATCH (n:Party|Person|Event|Source|Issue|Option|Position|Statement)
  WHERE n.negotiation = $negotiation
  RETURN count(n) AS nodes, sum(COUNT { (n)-->() }) AS relationships
}
RETURN 1 + nodes AS nodes, COUNT { (negotiation)-->() } + relationships AS relationships
