/**
 * Negotiations over time: the verdict timeline (GET /api/timeline) and what changed between two days
 * (GET /api/changes). "As of day D" means everything dated on or before D; end dates are exclusive
 * (docs/analysis.md, "Time").
 */

import type { Firmness, Verdict } from '../vocabulary.ts';
import type { OverlapStatement, PositionRef, Ref, VerdictChange } from './overlaps.ts';

/** An event that marks a phase of the negotiation: a meeting, a draft tabled, a deadline… */
export interface Round extends Ref {
  date: string;
  kind: string;
  place: string | null;
  /** Party ids (full) that held or tabled it. */
  parties: string[];
}

/** A statement's place on the timeline. */
export interface StatementTick {
  id: string;
  date: string;
  capacity: 'own' | 'report' | 'commentary';
  /** The positions it evidences (full ids). */
  positions: string[];
}

/** An issue's verdict from `from` (inclusive) until the next entry's `from`. */
export interface VerdictSpan {
  from: string;
  verdict: Verdict;
}

export interface IssueTimeline {
  issue: Ref;
  /** In date order; one entry per date on which the verdict changed. Before the first entry: `no-positions`. */
  verdicts: VerdictSpan[];
}

export interface Timeline {
  negotiation: Ref & { date: string | null };
  /** Every date on which something changed (a position held, ended, re-weighed, a side changed, a statement, a round), ascending. */
  days: string[];
  rounds: Round[];
  statements: StatementTick[];
  /** In the order of the negotiation's issues (as in the dataset). */
  issues: IssueTimeline[];
}

export type ChangeKind = 'added' | 'withdrawn' | 'superseded' | 'firmness' | 'side';

/** One thing that changed between the two days, with the statements that show it. */
export interface Change {
  kind: ChangeKind;
  date: string;
  /** added, withdrawn, superseded, firmness: the position (with its issue). */
  position?: PositionRef & { issue: Ref };
  /** superseded: the position that replaced it. */
  by?: PositionRef;
  /** firmness: before and after. */
  firmness?: { before: Firmness; after: Firmness };
  /** side: the party and its side before and after (null: on no side). */
  party?: Ref;
  side?: { before: Ref | null; after: Ref | null };
  statements: OverlapStatement[];
}

export interface DayChanges {
  negotiation: Ref;
  /** Changes dated after `from` and up to and including `to`. */
  from: string;
  to: string;
  /** In date order. */
  changes: Change[];
  /** The issues whose verdict as of `to` differs from their verdict as of `from`. */
  verdicts: VerdictChange[];
}
