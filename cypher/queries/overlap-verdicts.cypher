// title: Overlap verdicts
// description: The overlap analysis of cypher/analysis/verdicts.cypher (docs/analysis.md): one verdict per issue, best prospects first, with its options; set positions aside (comma-separated slugs) for a what-if.
// param: negotiation: string = nato-russia-2022 | the negotiation's id
// param: without: string = - | positions to set aside, as comma-separated slugs or ids ('-' for none)
// rules: analysis/verdicts
//
// Only this first clause is the saved query's own: it reads $without from the console's text box. The
// rest is cypher/analysis/verdicts.cypher after its own first clause, with its $kindRoles written out
// (server/src/features/queries/saved-queries.ts puts them together).
WITH [w IN split(coalesce($without, ''), ',') WHERE NOT trim(w) IN ['', '-'] |
      CASE WHEN trim(w) CONTAINS ':' THEN trim(w) ELSE $negotiation + ':' + trim(w) END] AS setAside
