// The evidence behind the overlap verdicts (analysis/verdicts): for every issue of a negotiation, its
// options and the positions in play on it (ON the issue, or REJECTing a position ON it, minus those set
// aside), each with its holders and their sides, what it is for and against, what it rejects, counters and
// depends on, and the statements behind it: quote, speaker, source (the holders' own words first).
//
// Parameters: $negotiation (id), $without (position ids or slugs set aside; [] for none), as for verdicts.
WITH [id IN coalesce($without, []) | CASE WHEN id CONTAINS ':' THEN id ELSE $negotiation + ':' + id END] AS setAside
MATCH (negotiation:Negotiation {id: $negotiation})-[:HAS_ISSUE]->(issue:Issue)
CALL (negotiation, issue, setAside) {
  MATCH (p:Position {negotiation: negotiation.id})
  WHERE
    NOT p.id IN setAside
    AND ((p)-[:ON]->(issue)
      OR EXISTS {
        MATCH (p)-[:REJECTS]->(target:Position)-[:ON]->(issue)
        WHERE NOT target.id IN setAside
      })
  WITH p ORDER BY p.firmnessRank DESC, p.id
  RETURN
    collect(p {
      .id,
      .slug,
      .label,
      .summary,
      .kind,
      .kindLabel,
      .firmness,
      .firmnessRank,
      stated: toString(p.stated),
      since: toString(p.since),
      issue: head([(p)-[:ON]->(on:Issue) | on {.id, .label}]),
      holders: COLLECT {
        MATCH (holder:Party)-[:HOLDS]->(p)
        OPTIONAL MATCH (holder)-[at:PARTY_TO]->(negotiation)
        RETURN holder {.id, .label, side: at.side, sideLabel: at.sideLabel} AS holder ORDER BY holder.id
      },
      for: COLLECT { MATCH (p)-[:FOR]->(o:Option) RETURN o {.id, .label} AS o ORDER BY o.id },
      against: COLLECT { MATCH (p)-[:AGAINST]->(o:Option) RETURN o {.id, .label} AS o ORDER BY o.id },
      rejects: COLLECT {
        MATCH (p)-[:REJECTS]->(t:Position)
        WHERE NOT t.id IN setAside
        RETURN t {.id, .label} AS t ORDER BY t.id
      },
      counters: COLLECT {
        MATCH (p)-[:COUNTERS]->(t:Position)
        WHERE NOT t.id IN setAside
        RETURN t {.id, .label} AS t ORDER BY t.id
      },
      // What it depends on, with the issue each dependency is on and the issues that one in turn depends on
      // (a condition resting on a linkage is tied to every issue of the package).
      conditionalOn: COLLECT {
        MATCH (p)-[:CONDITIONAL_ON]->(d:Position)-[:ON]->(on:Issue)
        RETURN
          d {
            .id,
            .label,
            .kind,
            .summary,
            issue: on {.id, .label},
            setAside: d.id IN setAside,
            reaches: COLLECT {
              MATCH (d)-[:CONDITIONAL_ON]->(:Position)-[:ON]->(further:Issue)
              RETURN DISTINCT further {.id, .label} AS further ORDER BY further.id
            }
          } AS d
        ORDER BY d.id
      },
      statements: COLLECT {
        MATCH (s:Statement)-[:EVIDENCES]->(p)
        OPTIONAL MATCH (speaker)-[:SAID]->(s)
        OPTIONAL MATCH (speaker)-[speaksFor:SPEAKS_FOR]->(party:Party)
        OPTIONAL MATCH (s)-[:REPORTED_IN]->(source:Source)
        // Said by a holder, or by someone who speaks for one, rather than reported or commented on by others.
        WITH s, speaker, party, source,
          speaker IS NOT NULL AND EXISTS { (p)<-[:HOLDS]-(holder:Party) WHERE holder = speaker OR holder = party }
          AS fromHolder
        RETURN
          s {
            .id,
            .quote,
            paraphrase: coalesce(s.paraphrase, false),
            date: toString(s.date),
            fromHolder: fromHolder,
            speaker: CASE
              WHEN speaker IS NULL THEN null
              ELSE {id: speaker.id, name: speaker.label, role: speaker.role, party: coalesce(party.label, speaker.label)}
            END,
            source: source {.id, .outlet, .title, .url, date: toString(source.date)}
          } AS statement
        // The holders' own words first, a named person's before a party's, verbatim before paraphrase; then the
        // most specific (evidencing fewest positions) and the longest (a fragment says less than a sentence).
        ORDER BY
          fromHolder DESC,
          speaker:Person DESC,
          s.paraphrase,
          COUNT { (s)-[:EVIDENCES]->() },
          size(s.quote) DESC,
          s.id
      }
    }) AS positions
}
RETURN
  issue {.id, .label, .summary} AS issue,
  COLLECT { MATCH (issue)-[:HAS_OPTION]->(o:Option) RETURN o {.id, .label, .summary} AS o ORDER BY o.id } AS options,
  positions
ORDER BY issue.id
