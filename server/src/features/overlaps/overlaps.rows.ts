/**
 * The rows the analysis Cypher returns (cypher/analysis/*.cypher), after Neo4j values are made plain.
 * Positions, options and sides are referred to by id; the evidence rows hold their details.
 */
import type { OptionStatus, OverlapPosition, PositionRef, Ref, SideStrength, Verdict } from './overlaps.types.ts';

/** analysis/request: what the request names. */
export interface RequestRow {
  negotiation: (Ref & { summary: string | null; place: string | null; date: string | null }) | null;
  sides: Ref[];
  without: Array<{ asked: string; position: (PositionRef & { issue: Ref }) | null }>;
}

/** analysis/verdicts: one per issue, ranked. */
export interface VerdictRow {
  issue: string;
  label: string;
  verdict: Verdict;
  bestOption: string | null;
  score: number | null;
  total: number | null;
  statedSides: string[];
  options: VerdictOptionRow[];
}

export interface VerdictOptionRow {
  id: string;
  label: string;
  status: OptionStatus;
  supporters: string[];
  opponents: string[];
  supportSides: string[];
  opposingSides: string[];
  conditionalSides: string[];
  conditions: Array<{ side: string; positions: string[] }>;
  collisions: Array<{ side: string; opposingSide: string; wantedBy: string[]; opposedBy: string[] }>;
  strengths: SideStrength[];
  score: number | null;
  total: number | null;
}

/** analysis/evidence: one per issue. */
export interface EvidenceRow {
  issue: Ref & { summary: string | null };
  options: Array<Ref & { summary: string | null }>;
  positions: OverlapPosition[];
}
