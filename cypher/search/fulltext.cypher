// Full-text search over labels, summaries and quotes (the `search` index), best first.
// $query is Lucene syntax built by the server from the user's words; $negotiation (or null) narrows it.
CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score
// Nodes of a load under way carry a key with "~" in place of their negotiation's id: never found.
WHERE NOT coalesce(node.negotiation, node.id) CONTAINS '~'
  AND ($negotiation IS NULL OR node.negotiation = $negotiation OR node.id = $negotiation)
RETURN node.id AS id, labels(node)[0] AS nodeType, node.label AS label, node.summary AS summary,
       node.quote AS quote, node.negotiation AS negotiation, score
ORDER BY score DESC, id
LIMIT $limit
