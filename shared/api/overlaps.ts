/**
 * The overlap report: one verdict per issue of a negotiation, with the evidence behind it
 * (GET /api/overlaps, `npm run overlaps`; the rules are in docs/analysis.md).
 */

import type { Firmness, OptionStatus, PositionKind, Verdict } from '../vocabulary.ts';

export interface Ref {
  id: string;
  label: string;
}

export interface OverlapStatement {
  id: string;
  quote: string;
  /** The source reports it without quoting: the text is not verbatim. */
  paraphrase: boolean;
  date: string;
  /** Said by a holder of the position or by someone who speaks for one (listed first). */
  fromHolder: boolean;
  /** A person, or a party when the source names nobody. */
  speaker: { id: string; name: string; role: string | null; party: string } | null;
  source: { id: string; outlet: string; title: string; date: string; url: string | null } | null;
}

/** A position another one depends on (CONDITIONAL_ON). */
export interface Dependency extends Ref {
  kind: PositionKind;
  summary: string;
  issue: Ref;
  /** Set aside by the what-if: the dependency is waived. */
  setAside: boolean;
  /** The issues it depends on in turn (a linkage ties a package of issues together). */
  reaches: Ref[];
}

export interface OverlapPosition extends Ref {
  slug: string;
  summary: string;
  kind: PositionKind;
  kindLabel: string;
  firmness: Firmness;
  firmnessRank: number;
  stated: string;
  since: string;
  /** The issue it is ON: another issue's when it only REJECTS a position on this one. */
  issue: Ref;
  holders: Array<Ref & { side: string | null; sideLabel: string | null }>;
  for: Ref[];
  against: Ref[];
  rejects: Ref[];
  counters: Ref[];
  conditionalOn: Dependency[];
  statements: OverlapStatement[];
}

/** The positions of one side on an issue; `side: null` gathers concerned parties, who are not at the table. */
export interface SidePositions {
  side: string | null;
  label: string;
  positions: OverlapPosition[];
}

/** How strongly one side supports an agreed or conditional option (see docs/analysis.md, Scoring). */
export interface SideStrength {
  side: string;
  /** Rank of its firmest supporting position: low 1, medium 2, high 3. */
  firmness: number;
  /** Distinct statements behind its supporting positions. */
  evidence: number;
  /** firmness + evidence counted up to 3. */
  strength: number;
}

export interface OverlapOption extends Ref {
  summary: string | null;
  status: OptionStatus;
  /** Positions that want, offer or accept it (demand, offer, counter-offer, red line, condition, linkage). */
  supporters: string[];
  /** Positions against it, or rejecting one of its supporters. */
  opponents: string[];
  /** Sides with a position that wants, offers or accepts it. */
  supportedBy: string[];
  /** Sides with a position against it, or rejecting a position for it. */
  opposedBy: string[];
  /** Agreed options: the sides whose acceptance rests on a condition or linkage. */
  conditionalFor: string[];
  strengths: SideStrength[];
  /** Agreed and conditional options: the weakest side's strength; null otherwise. */
  score: number | null;
  /** Agreed and conditional options: all sides' strengths added; breaks ties in the ranking. */
  total: number | null;
}

export interface PositionRef extends Ref {
  kind: PositionKind;
  firmness: Firmness;
}

/** What one side supports on an option and another side opposes. */
export interface Collision {
  option: Ref;
  side: Ref;
  wantedBy: PositionRef[];
  opposingSide: Ref;
  opposedBy: Array<PositionRef & { how: Array<'against' | 'rejects'> }>;
}

/** Why one side accepts an option only conditionally. */
export interface Condition {
  option: Ref;
  side: Ref;
  /** Its conditional positions: conditions, linkages, positions CONDITIONAL_ON others. */
  positions: Array<PositionRef & { dependsOn: Dependency[] }>;
}

export interface IssueOverlap {
  issue: Ref & { summary: string | null };
  verdict: Verdict;
  /** Agreement zones, then conditional ones, by score: 1 is the strongest. */
  rank?: number;
  score?: number;
  total?: number;
  /** The option the rank and score are for. */
  bestOption?: Ref;
  explanation: string;
  options: OverlapOption[];
  sides: SidePositions[];
  collisions: Collision[];
  conditions: Condition[];
}

export interface VerdictChange {
  issue: Ref;
  before: Verdict;
  after: Verdict;
}

export interface OverlapReport {
  negotiation: Ref & { date: string | null };
  /** The sides at the table, in the dataset's order. */
  sides: Ref[];
  /** The positions set aside for a what-if. */
  without: Array<PositionRef & { issue: Ref }>;
  /** Ranked: agreement zones by score, then conditional, blocked, no overlap, one-sided, no positions. */
  issues: IssueOverlap[];
  /** With `without` only: the issues whose verdict the what-if changes. */
  changes?: VerdictChange[];
}
