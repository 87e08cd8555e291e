// Overlap analysis: one verdict per issue of a negotiation, computed from the positions in the graph
// (docs/analysis.md explains the rules with a worked example).
//
// Parameters:
//   $negotiation  the negotiation's id, e.g. 'nato-russia-2022'
//   $without      positions to set aside for a what-if, as full ids ('nato-russia-2022:nato-red-line-open-door')
//                 or slugs ('nato-red-line-open-door'); [] for none
//   $kindRoles    which position kinds play which part in the rules (KIND_ROLES in shared/vocabulary.ts):
//                 {supporting: [...], conditional: [...], tying: [...]}
//
// The saved query "Overlap verdicts" (cypher/queries/overlap-verdicts.cypher) is these rules with its own
// first clause, which reads $without from a text box; everything after the line that ends in `AS setAside`
// is shared, so keep the parameters read in that first clause.
//
// Positions in play on an issue: those ON it and those that REJECT a position ON it, minus the ones set
// aside. A position speaks for the sides of its holders (PARTY_TO {side}); one held only by concerned
// parties (no side) is evidence, but gives no side a say.
//
// For each option of the issue:
//   support       positions FOR it of a kind that wants or accepts an outcome ($kindRoles.supporting: demand,
//                 offer, counter-offer, red line, condition, linkage). A threat's FOR is the consequence it
//                 announces, not support.
//   opposition    positions AGAINST it, and positions that REJECT one of its supporting positions.
//   conditional   a supporting position is conditional when it is CONDITIONAL_ON a position still in play,
//                 or is of a conditional kind ($kindRoles.conditional: condition, linkage) that names nothing
//                 it depends on. A position whose every
//                 dependency is set aside counts as unconditional: the condition is waived. A side accepts
//                 an option only conditionally when none of its supporting positions is unconditional, or
//                 when it holds a conditional position of a tying kind ($kindRoles.tying: linkage) ON the
//                 issue (a package ties the whole issue).
//   status        agreed: every side that has stated anything on the issue supports it, no side opposes it, and
//                 no side accepts it only conditionally; conditional: the same, but some side accepts it only
//                 conditionally;
//                 blocked: a side supports it and another side opposes it (the collisions say who and how);
//                 opposed: opposed, with nobody on another side supporting it; wanted: supported, not by all
//                 sides, unopposed; open: nobody is for or against it.
//   score         agreed and conditional options only: for each side, the rank of its firmest supporting
//                 position (low 1, medium 2, high 3) plus the statements behind its supporting positions
//                 (counted up to 3). The option scores its weakest side (`score`); `total` adds all sides.
//
// The verdict on the issue is the first that applies:
//   no-positions (no side at the table has stated anything), one-sided (one side has), agreement-zone (an option is agreed),
//   conditional (an option is conditional), blocked (an option is blocked), no-overlap (none of these).
// An agreement on one option outweighs a collision on another: the collisions are still returned.
// Rows come ranked: by verdict in that order (agreement zones first), then by score, total and label.
WITH [id IN coalesce($without, []) | CASE WHEN id CONTAINS ':' THEN id ELSE $negotiation + ':' + id END] AS setAside
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
      supports: p.kind IN $kindRoles.supporting,
      conditional: size(pending) > 0
        OR (p.kind IN $kindRoles.conditional AND NOT EXISTS { (p)-[:CONDITIONAL_ON]->() }),
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
    WITH p WHERE p.kind IN $kindRoles.tying AND p.conditional AND p.onIssue
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
      // For each side that accepts only conditionally: its conditional support and its ties on the issue.
      conditions: CASE
        WHEN agreed THEN [side IN conditionalSides | {
          side: side,
          positions: [p IN positions
            WHERE side IN p.sides AND p.conditional
              AND ((p.supports AND option.id IN p.for) OR (p.kind IN $kindRoles.tying AND p.onIssue)) | p.id]
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
  // The issue itself, so that the console draws it when these rules run as a saved query.
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
