// title: Positions with no answer from the other side
// description: Positions that no party of another side has countered, rejected, or taken any position on (same issue) — the open threads of the talks.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
MATCH (holder:Party)-[:HOLDS]->(position:Position {negotiation: $negotiation})-[:ON]->(issue:Issue)
WHERE holder.side IS NOT NULL
  AND NOT EXISTS {
    MATCH (position)<-[:COUNTERS|REJECTS]-(:Position)<-[:HOLDS]-(other:Party)
    WHERE other.side IS NOT NULL AND other.side <> holder.side
  }
  AND NOT EXISTS {
    MATCH (issue)<-[:ON]-(:Position)<-[:HOLDS]-(other:Party)
    WHERE other.side IS NOT NULL AND other.side <> holder.side
  }
RETURN holder.label AS party, position.kindLabel AS kind, issue.label AS onIssue, position.summary AS summary,
       holder, position, issue
ORDER BY onIssue, party
