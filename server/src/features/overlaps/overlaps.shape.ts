/**
 * Turns the analysis Cypher's rows into the overlap report. The verdicts, statuses, collisions,
 * conditions and scores are the Cypher's; this only looks up the evidence for the ids it names,
 * groups positions by side, numbers the ranking, words the explanation and diffs a what-if.
 */

import type {
  Collision,
  Condition,
  IssueOverlap,
  OverlapOption,
  OverlapPosition,
  OverlapReport,
  PositionRef,
  Ref,
  SidePositions,
  VerdictChange,
} from '../../../../shared/api/overlaps.ts';
import { FIRMNESS, KINDS, OPTION_STATUSES } from '../../../../shared/vocabulary.ts';
import { explain } from './overlaps.explain.ts';
import type { EvidenceRow, RequestRow, VerdictOptionRow, VerdictRow } from './overlaps.rows.ts';

export const CONCERNED_PARTIES = 'Concerned parties, not at the table';

export interface ReportInput {
  request: RequestRow & { negotiation: NonNullable<RequestRow['negotiation']> };
  verdicts: VerdictRow[];
  evidence: EvidenceRow[];
  /** The verdicts with nothing set aside, when the request sets positions aside. */
  before?: VerdictRow[];
}

export function shapeReport({ request, verdicts, evidence, before }: ReportInput): OverlapReport {
  const sideRef = sideLookup(request.sides);
  const evidenceByIssue = new Map(evidence.map((row) => [row.issue.id, row]));
  let rank = 0;
  const issues = verdicts.map((row) => {
    const found = evidenceByIssue.get(row.issue);
    if (!found) throw new Error(`analysis/evidence has no row for issue ${row.issue}`);
    const ranked = row.verdict === 'agreement-zone' || row.verdict === 'conditional';
    return shapeIssue(row, found, sideRef, request.sides, ranked ? ++rank : undefined);
  });
  const without = uniqueById(request.without.flatMap((w) => (w.position ? [w.position] : [])));
  const report: OverlapReport = {
    negotiation: { id: request.negotiation.id, label: request.negotiation.label, date: request.negotiation.date },
    sides: request.sides,
    without,
    issues,
  };
  if (before) report.changes = verdictChanges(before, verdicts);
  return report;
}

/** The issues whose verdict differs, in the order of the what-if's ranking. */
export function verdictChanges(before: VerdictRow[], after: VerdictRow[]): VerdictChange[] {
  const earlier = new Map(before.map((row) => [row.issue, row.verdict]));
  return after.flatMap((row) => {
    const was = earlier.get(row.issue);
    return was && was !== row.verdict
      ? [{ issue: { id: row.issue, label: row.label }, before: was, after: row.verdict }]
      : [];
  });
}

function shapeIssue(
  row: VerdictRow,
  evidence: EvidenceRow,
  sideRef: (id: string) => Ref,
  sides: Ref[],
  rank: number | undefined,
): IssueOverlap {
  const positions = new Map(evidence.positions.map((p) => [p.id, p]));
  const position = (id: string): OverlapPosition => {
    const found = positions.get(id);
    if (!found) throw new Error(`analysis/evidence has no position ${id} on issue ${row.issue}`);
    return found;
  };
  const optionRef = (id: string): Ref => {
    const option = evidence.options.find((o) => o.id === id);
    return { id, label: option?.label ?? id };
  };

  const options = row.options.map((o) => shapeOption(o, evidence)).sort(byStatusThenLabel);
  const collisions = row.options
    .flatMap((o) =>
      o.collisions.map(
        (c): Collision => ({
          option: optionRef(o.id),
          side: sideRef(c.side),
          wantedBy: c.wantedBy.map((id) => positionRef(position(id))),
          opposingSide: sideRef(c.opposingSide),
          opposedBy: c.opposedBy.map((id) => {
            const opposer = position(id);
            const how: Array<'against' | 'rejects'> = [];
            if (opposer.against.some((a) => a.id === o.id)) how.push('against');
            if (opposer.rejects.some((r) => c.wantedBy.includes(r.id))) how.push('rejects');
            return { ...positionRef(opposer), how };
          }),
        }),
      ),
    )
    .sort(byWeight);
  const conditions = row.options.flatMap((o) =>
    o.conditions.map(
      (c): Condition => ({
        option: optionRef(o.id),
        side: sideRef(c.side),
        positions: c.positions.map((id) => {
          const conditional = position(id);
          return { ...positionRef(conditional), dependsOn: conditional.conditionalOn.filter((d) => !d.setAside) };
        }),
      }),
    ),
  );

  const issue: IssueOverlap = {
    issue: evidence.issue,
    verdict: row.verdict,
    explanation: '',
    options,
    sides: groupBySide(evidence.positions, sides),
    collisions,
    conditions,
  };
  if (rank !== undefined && row.score !== null && row.total !== null && row.bestOption) {
    issue.rank = rank;
    issue.score = row.score;
    issue.total = row.total;
    issue.bestOption = optionRef(row.bestOption);
  }
  issue.explanation = explain(issue, row.statedSides.map(sideRef));
  return issue;
}

function shapeOption(row: VerdictOptionRow, evidence: EvidenceRow): OverlapOption {
  const option = evidence.options.find((o) => o.id === row.id);
  return {
    id: row.id,
    label: row.label,
    summary: option?.summary ?? null,
    status: row.status,
    supporters: row.supporters,
    opponents: row.opponents,
    supportedBy: row.supportSides,
    opposedBy: row.opposingSides,
    conditionalFor: row.conditionalSides,
    strengths: row.strengths,
    score: row.score,
    total: row.total,
  };
}

/** Each side's positions, in the negotiation's order of sides; concerned parties last. */
function groupBySide(positions: OverlapPosition[], sides: Ref[]): SidePositions[] {
  const groups: SidePositions[] = sides.map((side) => ({
    side: side.id,
    label: side.label,
    positions: positions.filter((p) => p.holders.some((h) => h.side === side.id)),
  }));
  groups.push({
    side: null,
    label: CONCERNED_PARTIES,
    positions: positions.filter((p) => p.holders.every((h) => h.side === null)),
  });
  return groups.filter((group) => group.positions.length > 0);
}

export function positionRef(p: OverlapPosition): PositionRef {
  return { id: p.id, label: p.label, kind: p.kind, firmness: p.firmness };
}

function sideLookup(sides: Ref[]): (id: string) => Ref {
  const byId = new Map(sides.map((side) => [side.id, side]));
  // A side named on a party but missing from the negotiation's list still gets a readable label.
  return (id) => byId.get(id) ?? { id, label: id };
}

function weight(collision: Collision): [number, number] {
  // Only supporting kinds want an option; the fallback keeps a bad row last rather than failing.
  const kinds = collision.wantedBy.map((p) => KINDS[p.kind].collisionOrder ?? 9);
  const firmness = collision.wantedBy.map((p) => FIRMNESS.indexOf(p.firmness));
  return [Math.min(...kinds), -Math.max(...firmness)];
}

function byWeight(a: Collision, b: Collision): number {
  const [ka, fa] = weight(a);
  const [kb, fb] = weight(b);
  return ka - kb || fa - fb || a.option.label.localeCompare(b.option.label) || a.side.id.localeCompare(b.side.id);
}

function byStatusThenLabel(a: OverlapOption, b: OverlapOption): number {
  return OPTION_STATUSES.indexOf(a.status) - OPTION_STATUSES.indexOf(b.status) || a.label.localeCompare(b.label);
}

function uniqueById<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
