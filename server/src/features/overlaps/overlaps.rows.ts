/**
 * The rows the analysis Cypher returns (cypher/analysis/*.cypher), after Neo4j values are made plain,
 * checked as they are read (neo4j/rows.ts). Positions, options and sides are referred to by id; the
 * evidence rows hold their details. Each schema matches its API type (shared/api/overlaps.ts), which the
 * `satisfies` lines below hold the compiler to.
 */
import { z } from 'zod';
import type { OverlapPosition, PositionRef, Ref, SideStrength } from '../../../../shared/api/overlaps.ts';
import { FIRMNESS, OPTION_STATUSES, POSITION_KINDS, VERDICTS } from '../../../../shared/vocabulary.ts';

const ref = z.object({ id: z.string(), label: z.string() });
const kind = z.enum(POSITION_KINDS);
const firmness = z.enum(FIRMNESS);
const positionRef = ref.extend({ kind, firmness });

/** analysis/request: what the request names. */
export const requestRow = z.object({
  negotiation: ref
    .extend({ summary: z.string().nullable(), place: z.string().nullable(), date: z.string().nullable() })
    .nullable(),
  sides: z.array(ref),
  without: z.array(z.object({ asked: z.string(), position: positionRef.extend({ issue: ref }).nullable() })),
});
export type RequestRow = z.output<typeof requestRow>;

const sideStrength = z.object({
  side: z.string(),
  firmness: z.number(),
  evidence: z.number(),
  strength: z.number(),
});

const verdictOptionRow = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(OPTION_STATUSES),
  supporters: z.array(z.string()),
  opponents: z.array(z.string()),
  supportSides: z.array(z.string()),
  opposingSides: z.array(z.string()),
  conditionalSides: z.array(z.string()),
  conditions: z.array(z.object({ side: z.string(), positions: z.array(z.string()) })),
  collisions: z.array(
    z.object({
      side: z.string(),
      opposingSide: z.string(),
      wantedBy: z.array(z.string()),
      opposedBy: z.array(z.string()),
    }),
  ),
  strengths: z.array(sideStrength),
  score: z.number().nullable(),
  total: z.number().nullable(),
});
export type VerdictOptionRow = z.output<typeof verdictOptionRow>;

/** analysis/verdicts: one per issue, ranked (its `issueNode` is for the console and is dropped here). */
export const verdictRow = z.object({
  issue: z.string(),
  label: z.string(),
  verdict: z.enum(VERDICTS),
  bestOption: z.string().nullable(),
  score: z.number().nullable(),
  total: z.number().nullable(),
  statedSides: z.array(z.string()),
  options: z.array(verdictOptionRow),
});
export type VerdictRow = z.output<typeof verdictRow>;

const dependency = ref.extend({
  kind,
  summary: z.string(),
  issue: ref,
  setAside: z.boolean(),
  reaches: z.array(ref),
});

const statement = z.object({
  id: z.string(),
  quote: z.string(),
  paraphrase: z.boolean(),
  date: z.string(),
  fromHolder: z.boolean(),
  speaker: z.object({ id: z.string(), name: z.string(), role: z.string().nullable(), party: z.string() }).nullable(),
  source: z
    .object({ id: z.string(), outlet: z.string(), title: z.string(), date: z.string(), url: z.string().nullable() })
    .nullable(),
});

const overlapPosition = ref.extend({
  slug: z.string(),
  summary: z.string(),
  kind,
  kindLabel: z.string(),
  firmness,
  firmnessRank: z.number(),
  stated: z.string(),
  since: z.string(),
  issue: ref,
  holders: z.array(ref.extend({ side: z.string().nullable(), sideLabel: z.string().nullable() })),
  for: z.array(ref),
  against: z.array(ref),
  rejects: z.array(ref),
  counters: z.array(ref),
  conditionalOn: z.array(dependency),
  statements: z.array(statement),
});

/** analysis/evidence: one per issue. */
export const evidenceRow = z.object({
  issue: ref.extend({ summary: z.string().nullable() }),
  options: z.array(ref.extend({ summary: z.string().nullable() })),
  positions: z.array(overlapPosition),
});
export type EvidenceRow = z.output<typeof evidenceRow>;

// The rows' parts are the API's types: a field changed on one side only is a compile error here.
({}) as z.output<typeof overlapPosition> satisfies OverlapPosition;
({}) as OverlapPosition satisfies z.output<typeof overlapPosition>;
({}) as z.output<typeof positionRef> satisfies PositionRef;
({}) as z.output<typeof sideStrength> satisfies SideStrength;
({}) as z.output<typeof ref> satisfies Ref;
