/**
 * The domain's words, once: position kinds, firmness, verdicts, option statuses, party types, node labels
 * and relationship types, with their display names, colours and roles. The server (dataset types and
 * validation, the analysis, the graph), the client's style tables, data/schema.json and the Cypher files
 * all follow this module; tests/unit/vocabulary.test.ts checks the last two against it.
 *
 * Each table is a `Record` over its list, so that a word added to a list without its entry (or the
 * other way round) is a compile error.
 */

// ---------------------------------------------------------------------------------------------------
// Position kinds

export const POSITION_KINDS = [
  'demand',
  'offer',
  'counter-offer',
  'red-line',
  'condition',
  'linkage',
  'threat',
  'rejection',
] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

export interface KindEntry {
  /** Display name, capitalised ("Red line"); stored on positions as `kindLabel`. */
  label: string;
  /** The name in running text ("a red line"). */
  name: string;
  color: string;
  /** Border width of its node on the canvas: the firmest kinds stand out. */
  border: number;
  /**
   * What the overlap rules make of it (cypher/analysis/verdicts.cypher, through `$kindRoles`):
   * `supports`: its FOR wants or accepts the option (a threat's FOR is the consequence it announces);
   * `conditional`: conditional by nature when it names nothing it depends on;
   * `ties`: a conditional one ON an issue ties the whole issue into a package.
   */
  supports: boolean;
  conditional: boolean;
  ties: boolean;
  /** Which supporting kind makes a collision the one to name first (lower first): a demand says most. */
  collisionOrder: number | null;
  /**
   * Event-data codes, so exported data reads the same to users of CAMEO (top-level codes, as used by GDELT
   * and ICEWS) and PLOVER (event types, as used by POLECAT). PLOVER's name for CAMEO 10 "Demand" is REQUEST.
   */
  cameo: string;
  cameoLabel: string;
  plover: string;
}

const DEMAND_CODES = { cameo: '10', cameoLabel: 'Demand', plover: 'REQUEST' } as const;
const COOPERATE_CODES = { cameo: '03', cameoLabel: 'Express intent to cooperate', plover: 'AGREE' } as const;
const REJECT_CODES = { cameo: '12', cameoLabel: 'Reject', plover: 'REJECT' } as const;
const WANTS = { supports: true, conditional: false, ties: false } as const;
const NO_ROLE = { supports: false, conditional: false, ties: false, collisionOrder: null } as const;

export const KINDS = {
  demand: {
    label: 'Demand',
    name: 'demand',
    color: '#dd6b20',
    border: 0.3,
    ...WANTS,
    collisionOrder: 0,
    ...DEMAND_CODES,
  },
  offer: {
    label: 'Offer',
    name: 'offer',
    color: '#38a169',
    border: 0.3,
    ...WANTS,
    collisionOrder: 3,
    ...COOPERATE_CODES,
  },
  'counter-offer': {
    label: 'Counter-offer',
    name: 'counter-offer',
    color: '#319795',
    border: 0.3,
    ...WANTS,
    collisionOrder: 3,
    ...COOPERATE_CODES,
  },
  'red-line': {
    label: 'Red line',
    name: 'red line',
    color: '#e53e3e',
    border: 0.45,
    ...WANTS,
    collisionOrder: 1,
    ...REJECT_CODES,
  },
  condition: {
    label: 'Condition',
    name: 'condition',
    color: '#805ad5',
    border: 0.3,
    supports: true,
    conditional: true,
    ties: false,
    collisionOrder: 2,
    ...DEMAND_CODES,
  },
  linkage: {
    label: 'Linkage',
    name: 'linkage',
    color: '#805ad5',
    border: 0.3,
    supports: true,
    conditional: true,
    ties: true,
    collisionOrder: 2,
    ...DEMAND_CODES,
  },
  threat: {
    label: 'Threat / warning',
    name: 'threat',
    color: '#1a202c',
    border: 0.3,
    ...NO_ROLE,
    cameo: '13',
    cameoLabel: 'Threaten',
    plover: 'THREATEN',
  },
  rejection: { label: 'Rejection', name: 'rejection', color: '#9b2c2c', border: 0.3, ...NO_ROLE, ...REJECT_CODES },
} as const satisfies Record<PositionKind, KindEntry>;

/** The order of the legend and the filters: what blocks an agreement first, what opens one last. */
export const KIND_DISPLAY_ORDER = [
  'red-line',
  'rejection',
  'demand',
  'threat',
  'condition',
  'linkage',
  'offer',
  'counter-offer',
] as const satisfies readonly PositionKind[];

/** The kinds by role, as the overlap rules take them (the `$kindRoles` parameter of analysis/verdicts). */
export const KIND_ROLES = {
  supporting: POSITION_KINDS.filter((kind) => KINDS[kind].supports),
  conditional: POSITION_KINDS.filter((kind) => KINDS[kind].conditional),
  tying: POSITION_KINDS.filter((kind) => KINDS[kind].ties),
};
export type KindRoles = typeof KIND_ROLES;

// ---------------------------------------------------------------------------------------------------
// Firmness

/** Weakest first; a position's `firmnessRank` is its index + 1 (low 1, medium 2, high 3). */
export const FIRMNESS = ['low', 'medium', 'high'] as const;
export type Firmness = (typeof FIRMNESS)[number];

export const FIRMNESS_RANK = { low: 1, medium: 2, high: 3 } as const satisfies Record<Firmness, number>;

// ---------------------------------------------------------------------------------------------------
// Verdicts and option statuses (cypher/analysis/verdicts.cypher, docs/analysis.md)

/** In the order they are ranked: agreement zones first. */
export const VERDICTS = [
  'agreement-zone',
  'conditional',
  'blocked',
  'no-overlap',
  'one-sided',
  'no-positions',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Verdict colours carry white text (the overlap list's badges): each has a contrast of at least 4.5:1 (WCAG AA). */
export const VERDICT_WORDS = {
  'agreement-zone': { label: 'Agreement zone', text: 'agreement zone', color: '#2f855a' },
  conditional: { label: 'Conditional', text: 'conditional', color: '#975a16' },
  blocked: { label: 'Blocked', text: 'blocked', color: '#c53030' },
  'no-overlap': { label: 'No overlap', text: 'no overlap', color: '#c05621' },
  'one-sided': { label: 'One-sided', text: 'one-sided', color: '#4a5568' },
  'no-positions': { label: 'No positions', text: 'no positions', color: '#64748b' },
} as const satisfies Record<Verdict, { label: string; text: string; color: string }>;

/** What the positions make of one option of an issue, in the order options are listed. */
export const OPTION_STATUSES = ['agreed', 'conditional', 'blocked', 'opposed', 'wanted', 'open'] as const;
export type OptionStatus = (typeof OPTION_STATUSES)[number];

// ---------------------------------------------------------------------------------------------------
// Parties

export const PARTY_TYPES = ['state', 'alliance', 'organisation'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

// ---------------------------------------------------------------------------------------------------
// The graph: node labels and relationship types (docs/model.md)

export const NODE_LABELS = [
  'Party',
  'Issue',
  'Option',
  'Position',
  'Statement',
  'Source',
  'Person',
  'Event',
  'Negotiation',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Labels the loader gives a negotiation while it replaces one (cypher/load/), never drawn. */
export const LOADER_LABELS = ['LoadingNegotiation', 'RetiredNegotiation'] as const;

export const LABEL_WORDS = {
  Party: { label: 'Party', color: '#4a5568' },
  Issue: { label: 'Issue', color: '#2d3748' },
  Option: { label: 'Option (outcome)', color: '#a0aec0' },
  Position: { label: 'Position', color: '#718096' },
  Statement: { label: 'Statement (quote)', color: '#cbd5e0' },
  Source: { label: 'Source (article)', color: '#4a5568' },
  Person: { label: 'Person', color: '#b7791f' },
  Event: { label: 'Event', color: '#6b46c1' },
  Negotiation: { label: 'Negotiation', color: '#1a202c' },
} as const satisfies Record<NodeLabel, { label: string; color: string }>;

export const RELATIONSHIP_TYPES = [
  'HOLDS',
  'ON',
  'HAS_OPTION',
  'FOR',
  'AGAINST',
  'COUNTERS',
  'REJECTS',
  'CONDITIONAL_ON',
  'EVIDENCES',
  'SAID',
  'REPORTED_IN',
  'HAS_ISSUE',
  'PARTY_TO',
  'CONCERNED_BY',
  'SPEAKS_FOR',
  'MADE_AT',
  'PART_OF',
  'REPORTS_ON',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** `legend`: drawn in the negotiation graph and explained in the legend. */
const QUIET = { color: '#edf2f7', legend: true } as const;
const UNDRAWN = { color: '#e2e8f0', legend: false } as const;
export const RELATIONSHIP_WORDS = {
  HOLDS: { label: 'holds', color: '#a0aec0', legend: true },
  ON: { label: 'on issue', color: '#e2e8f0', legend: true },
  HAS_OPTION: { label: 'has option', color: '#e2e8f0', legend: true },
  FOR: { label: 'for (wants, offers, accepts)', color: '#68d391', legend: true },
  AGAINST: { label: 'against (opposes, rules out)', color: '#fc8181', legend: true },
  COUNTERS: { label: 'counters', color: '#4fd1c5', legend: true },
  REJECTS: { label: 'rejects', color: '#c53030', legend: true },
  CONDITIONAL_ON: { label: 'conditional on', color: '#b794f4', legend: true },
  EVIDENCES: { label: 'evidences', ...QUIET },
  SAID: { label: 'said', ...QUIET },
  REPORTED_IN: { label: 'reported in', ...QUIET },
  HAS_ISSUE: { label: 'has issue', ...UNDRAWN },
  PARTY_TO: { label: 'party to (on a side)', ...UNDRAWN },
  CONCERNED_BY: { label: 'concerned by', ...UNDRAWN },
  SPEAKS_FOR: { label: 'speaks for', ...UNDRAWN },
  MADE_AT: { label: 'made at', ...UNDRAWN },
  PART_OF: { label: 'part of', ...UNDRAWN },
  REPORTS_ON: { label: 'reports on', ...UNDRAWN },
} as const satisfies Record<RelationshipType, { label: string; color: string; legend: boolean }>;
