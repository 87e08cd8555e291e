// title: Overlap verdicts
// description: The overlap analysis of cypher/analysis/verdicts.cypher (docs/analysis.md): one verdict per issue, best prospects first, with its options; set positions aside (comma-separated slugs) for a what-if.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
// param: without: string = - | positions to set aside, as comma-separated slugs or ids ('-' for none)
WITH [w IN split(coalesce($without, ''), ',') WHERE NOT trim(w) IN ['', '-'] |
      CASE WHEN trim(w) CONTAINS ':' THEN trim(w) ELSE $negotiation + ':' + trim(w) END] AS setAside
MATCH (negotiation:Negotiation {id: $negotiation})-[:HAS_ISSUE]->(issue:Issue)

// The positions in play on the issue, each reduced to what the rules need.
CALL (negotiation, issue, setAside) {
  MATCH (p:Position {negotiation: negotiation.id})
  WHERE
    NOT p.id IN setAside
    AND ((p)-[:ON]->(issue)
      OR EXISTS {
        MATCH (p)-[:REJECTS]->(target:Position)-[:ON]->(issue)
        WHERE NOT target.id IN setAside
      })
  WITH p, COLLECT { MATCH (p)-[:CONDITIONAL_ON]->(d:Position) WHERE NOT d.id IN setAside RETURN d.id } AS pending
  ORDER BY p.id
  RETURN
    collect({
      id: p.id,
      kind: p.kind,
      firmness: toInteger(p.firmnessRank),
      sides: COLLECT {
        MATCH (p)<-[:HOLDS]-(:Party)-[at:PARTY_TO]->(negotiation)
        RETURN DISTINCT at.side AS side ORDER BY side
      },
      supports: p.kind IN ['demand', 'offer', 'counter-offer', 'red-line', 'condition', 'linkage'],
      conditional: size(pending) > 0
        OR (p.kind IN ['condition', 'linkage'] AND NOT EXISTS { (p)-[:CONDITIONAL_ON]->() }),
      onIssue: EXISTS { (p)-[:ON]->(issue) },
      for: COLLECT { MATCH (p)-[:FOR]->(o:Option) RETURN o.id },
      against: COLLECT { MATCH (p)-[:AGAINST]->(o:Option) RETURN o.id },
      rejects: COLLECT { MATCH (p)-[:REJECTS]->(t:Position) WHERE NOT t.id IN setAside RETURN t.id },
      statements: COLLECT { MATCH (s:Statement)-[:EVIDENCES]->(p) RETURN s.id }
    }) AS positions
}

// The sides that have stated anything on the issue, and those that tie it into a package.
WITH
  issue,
  positions,
  COLLECT { UNWIND positions AS p UNWIND p.sides AS side RETURN DISTINCT side ORDER BY side } AS statedSides,
  COLLECT {
    UNWIND positions AS p
    WITH p WHERE p.kind = 'linkage' AND p.conditional AND p.onIssue
    UNWIND p.sides AS side
    RETURN DISTINCT side ORDER BY side
  } AS linkedSides

// Each option: who supports it, who opposes it, and what that makes it.
CALL (issue, positions, statedSides, linkedSides) {
  MATCH (issue)-[:HAS_OPTION]->(option:Option)
  WITH option, statedSides, linkedSides, positions, [p IN positions WHERE p.supports AND option.id IN p.for] AS supporters
  WITH
    option,
    positions,
    statedSides,
    linkedSides,
    supporters,
    [p IN positions
      WHERE option.id IN p.against OR any(target IN p.rejects WHERE any(s IN supporters WHERE s.id = target))
    ] AS opponents
  WITH
    option,
    positions,
    statedSides,
    linkedSides,
    supporters,
    opponents,
    COLLECT { UNWIND supporters AS p UNWIND p.sides AS side RETURN DISTINCT side ORDER BY side } AS supportSides,
    COLLECT {
      UNWIND supporters AS p
      WITH p WHERE NOT p.conditional
      UNWIND p.sides AS side
      RETURN DISTINCT side ORDER BY side
    } AS firmSides,
    COLLECT { UNWIND opponents AS p UNWIND p.sides AS side RETURN DISTINCT side ORDER BY side } AS opposingSides
  // Collisions: a side's support against another side's opposition, grouped by the two sides.
  CALL (option, supporters, opponents) {
    UNWIND supporters AS wanting
    UNWIND opponents AS opposing
    WITH wanting, opposing
    WHERE option.id IN opposing.against OR wanting.id IN opposing.rejects
    UNWIND wanting.sides AS side
    UNWIND opposing.sides AS opposingSide
    WITH side, opposingSide, wanting, opposing
    WHERE side <> opposingSide
    ORDER BY side, opposingSide, wanting.id, opposing.id
    WITH side, opposingSide, collect(DISTINCT wanting.id) AS wantedBy, collect(DISTINCT opposing.id) AS opposedBy
    RETURN collect({side: side, opposingSide: opposingSide, wantedBy: wantedBy, opposedBy: opposedBy}) AS collisions
  }
  // How strongly each side that has spoken supports the option.
  CALL (supporters, statedSides) {
    UNWIND statedSides AS side
    WITH side, [p IN supporters WHERE side IN p.sides] AS own
    WITH
      side,
      reduce(best = 0, p IN own | CASE WHEN p.firmness > best THEN p.firmness ELSE best END) AS firmness,
      size(COLLECT { UNWIND own AS p UNWIND p.statements AS statement RETURN DISTINCT statement }) AS evidence
    ORDER BY side
    RETURN collect({
      side: side,
      firmness: firmness,
      evidence: evidence,
      strength: firmness + CASE WHEN evidence > 3 THEN 3 ELSE evidence END
    }) AS strengths
  }
  WITH
    option,
    positions,
    supporters,
    opponents,
    supportSides,
    opposingSides,
    collisions,
    strengths,
    size(statedSides) >= 2 AND all(side IN statedSides WHERE side IN supportSides) AND size(opposingSides) = 0 AS agreed,
    [side IN statedSides WHERE NOT side IN firmSides OR side IN linkedSides] AS conditionalSides
  WITH
    option,
    positions,
    supporters,
    opponents,
    supportSides,
    opposingSides,
    collisions,
    strengths,
    agreed,
    conditionalSides,
    CASE
      WHEN agreed AND size(conditionalSides) = 0 THEN 'agreed'
      WHEN agreed THEN 'conditional'
      WHEN size(collisions) > 0 THEN 'blocked'
      WHEN size(opposingSides) > 0 THEN 'opposed'
      WHEN size(supportSides) > 0 THEN 'wanted'
      ELSE 'open'
    END AS status
  ORDER BY option.id
  RETURN
    collect({
      id: option.id,
      label: option.label,
      status: status,
      supporters: [p IN supporters | p.id],
      opponents: [p IN opponents | p.id],
      supportSides: supportSides,
      opposingSides: opposingSides,
      conditionalSides: CASE WHEN agreed THEN conditionalSides ELSE [] END,
      // For each side that accepts only conditionally: its conditional support and its linkages on the issue.
      conditions: CASE
        WHEN agreed THEN [side IN conditionalSides | {
          side: side,
          positions: [p IN positions
            WHERE side IN p.sides AND p.conditional
              AND ((p.supports AND option.id IN p.for) OR (p.kind = 'linkage' AND p.onIssue)) | p.id]
        }]
        ELSE []
      END,
      collisions: collisions,
      strengths: CASE WHEN agreed THEN strengths ELSE [] END,
      score: CASE WHEN agreed THEN reduce(weakest = 6, s IN strengths | CASE WHEN s.strength < weakest THEN s.strength ELSE weakest END) END,
      total: CASE WHEN agreed THEN reduce(sum = 0, s IN strengths | sum + s.strength) END
    }) AS options
}

WITH
  issue,
  statedSides,
  options,
  CASE
    WHEN size(statedSides) = 0 THEN 'no-positions'
    WHEN size(statedSides) = 1 THEN 'one-sided'
    WHEN any(o IN options WHERE o.status = 'agreed') THEN 'agreement-zone'
    WHEN any(o IN options WHERE o.status = 'conditional') THEN 'conditional'
    WHEN any(o IN options WHERE o.status = 'blocked') THEN 'blocked'
    ELSE 'no-overlap'
  END AS verdict
// An agreement zone is as strong as its best agreed option; a conditional one, its best conditional option.
WITH
  issue,
  statedSides,
  options,
  verdict,
  head(COLLECT {
    UNWIND options AS o
    WITH o
    WHERE (verdict = 'agreement-zone' AND o.status = 'agreed') OR (verdict = 'conditional' AND o.status = 'conditional')
    RETURN o ORDER BY o.score DESC, o.total DESC, o.id
  }) AS best
RETURN
  issue.id AS issue,
  issue.label AS label,
  verdict,
  best.id AS bestOption,
  best.score AS score,
  best.total AS total,
  statedSides,
  options,
  issue AS issueNode
ORDER BY
  CASE verdict
    WHEN 'agreement-zone' THEN 1
    WHEN 'conditional' THEN 2
    WHEN 'blocked' THEN 3
    WHEN 'no-overlap' THEN 4
    WHEN 'one-sided' THEN 5
    ELSE 6
  END,
  score DESC,
  total DESC,
  label
