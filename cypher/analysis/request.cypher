// What an overlap request names: the negotiation (null when there is none), its sides in the file's order,
// and, for each id in $without, the position it names in that negotiation (null when it names none).
//
// Parameters: $negotiation (id), $without (position ids or slugs; [] for none), as for analysis/verdicts.
OPTIONAL MATCH (negotiation:Negotiation {id: $negotiation})
RETURN
  negotiation {.id, .label, .summary, .place, date: toString(negotiation.date)} AS negotiation,
  [i IN range(0, size(coalesce(negotiation.sides, [])) - 1) |
    {id: negotiation.sides[i], label: negotiation.sideLabels[i]}] AS sides,
  [asked IN coalesce($without, []) |
    {
      asked: asked,
      position: head([
        (p:Position)-[:ON]->(on:Issue)
        WHERE p.id = CASE WHEN asked CONTAINS ':' THEN asked ELSE $negotiation + ':' + asked END
          AND p.negotiation = $negotiation |
        p {.id, .label, .kind, .firmness, issue: on {.id, .label}}
      ])
    }] AS without
