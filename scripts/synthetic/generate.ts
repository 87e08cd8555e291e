/**
 * A synthetic negotiation of any size, for load tests and benchmarks: valid against data/schema.json,
 * deterministic from its seed (same options, same file, byte for byte), and shaped like the bundled
 * NATO–Russia dataset scaled up: parties at the table on each side and some concerned ones, issues with
 * a few options each, positions for and against options that counter, reject and depend on one another,
 * and several statements per position with speakers, sources, events and dates.
 *
 * Share of the nodes (the rest are statements, about 58 %; the Negotiation node counts as one):
 *   parties 1 %, people 3 %, events 2 %, sources 6 %, issues 3 %, options 9 %, positions 18 %.
 *
 *   npm run generate -- --nodes 50000 --sides 2 --seed 1 > /tmp/negotiation-50k.yaml
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { stringify } from 'yaml';
import type { Dataset } from '../../server/src/dataset/types.ts';
import { POSITION_KINDS, type PositionKind } from '../../shared/vocabulary.ts';

export interface SyntheticOptions {
  /** Nodes the loaded negotiation will have, the Negotiation node included (at least MIN_NODES). */
  nodes: number;
  /** Camps at the table (at least 2). */
  sides?: number;
  seed?: number;
  /** The negotiation's id; by default `synthetic-<nodes>`. */
  id?: string;
}

export const MIN_NODES = 40;

const SHARES = {
  parties: 0.01,
  people: 0.03,
  events: 0.02,
  sources: 0.06,
  issues: 0.03,
  options: 0.09,
  positions: 0.18,
};

/** How the kinds are mixed, after the bundled dataset (offers and demands most, linkages fewest). */
const KIND_WEIGHTS: Record<PositionKind, number> = {
  demand: 20,
  offer: 25,
  'counter-offer': 10,
  'red-line': 8,
  condition: 8,
  linkage: 4,
  threat: 8,
  rejection: 17,
};
const WORDS = (
  'security guarantees troops border talks treaty sanctions missiles exercises transparency dialogue ' +
  'withdrawal ceasefire inspection verification trade quota harbour access fishing rights tariffs aid ' +
  'reconstruction elections monitoring prisoners exchange corridor grain exports energy pipeline debt ' +
  'relief observers mandate timetable referendum autonomy language schools refugees return compensation'
).split(' ');
const OUTLETS = ['The Daily Ledger', 'Harbour Gazette', 'Evening Courier', 'Northern Wire', 'The Chronicle'];
const ROLES = ['Foreign minister', 'Deputy foreign minister', 'Ambassador', 'Spokesperson', 'Chief negotiator'];
const DAY_MS = 86_400_000;
const START = Date.UTC(2023, 0, 2);

export function generateNegotiation(options: SyntheticOptions): Dataset {
  const { nodes, sides: sideCount = 2, seed = 1 } = options;
  if (!Number.isInteger(nodes) || nodes < MIN_NODES) throw new RangeError(`--nodes must be an integer ≥ ${MIN_NODES}`);
  if (!Number.isInteger(sideCount) || sideCount < 2) throw new RangeError('--sides must be an integer ≥ 2');
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const chance = (p: number) => int(0, 999) < p * 1000;
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = (n: number) => {
    const text = words(n);
    return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
  };
  const day = (offset: number) => new Date(START + offset * DAY_MS).toISOString().slice(0, 10);
  const weightedKind = (() => {
    const total = Object.values(KIND_WEIGHTS).reduce((a, b) => a + b, 0);
    return (): PositionKind => {
      let roll = int(0, total - 1);
      for (const kind of POSITION_KINDS) {
        roll -= KIND_WEIGHTS[kind];
        if (roll < 0) return kind;
      }
      return 'offer';
    };
  })();

  const things = nodes - 1;
  const share = (key: keyof typeof SHARES, min: number) => Math.max(min, Math.round(things * SHARES[key]));
  const count = {
    parties: share('parties', sideCount + 1),
    people: share('people', 1),
    events: share('events', 1),
    sources: share('sources', 1),
    issues: share('issues', 1),
    options: 0,
    positions: share('positions', 1),
  };
  count.options = Math.max(count.issues, share('options', 1));
  const statementCount =
    things -
    (count.parties + count.people + count.events + count.sources + count.issues + count.options + count.positions);
  if (statementCount < count.positions) throw new RangeError(`--nodes ${nodes} is too few for this shape`);

  const id = options.id ?? `synthetic-${nodes}`;
  const sides = Array.from({ length: sideCount }, (_, i) => ({ id: `side-${i + 1}`, label: `Camp ${i + 1}` }));
  // Four in five parties sit at the table, spread over the sides; the others are concerned onlookers.
  const atTable = Math.max(sideCount, Math.round(count.parties * 0.8));
  const parties: Dataset['parties'] = Array.from({ length: count.parties }, (_, i) => ({
    id: `party-${i + 1}`,
    label: `Party ${i + 1}`,
    type: i % 7 === 0 ? 'alliance' : i % 5 === 0 ? 'organisation' : 'state',
    ...(i < atTable ? { side: sides[i % sideCount]?.id } : {}),
    ...(chance(0.3) ? { summary: sentence(12) } : {}),
  }));
  const partiesOfSide = new Map(sides.map((s) => [s.id, parties.filter((p) => p.side === s.id)]));
  const people: Dataset['people'] = Array.from({ length: count.people }, (_, i) => ({
    id: `person-${i + 1}`,
    name: `Person ${i + 1}`,
    party: (i < count.parties ? parties[i] : pick(parties.slice(0, atTable)))?.id as string,
    ...(chance(0.7) ? { role: pick(ROLES) } : {}),
  }));
  const peopleOfParty = new Map<string, string[]>();
  for (const person of people) peopleOfParty.set(person.party, [...(peopleOfParty.get(person.party) ?? []), person.id]);
  const span = Math.max(30, Math.round(things / 50)); // days the talks last
  const events: Dataset['events'] = Array.from({ length: count.events }, (_, i) => ({
    id: `event-${i + 1}`,
    label: `Round ${i + 1} of talks`,
    date: day(int(0, span)),
    ...(chance(0.5) ? { place: pick(['Geneva', 'Vienna', 'Brussels', 'Oslo', 'Helsinki']) } : {}),
  }));
  const sources: Dataset['sources'] = Array.from({ length: count.sources }, (_, i) => ({
    id: `source-${i + 1}`,
    outlet: pick(OUTLETS),
    title: sentence(6),
    date: day(int(0, span + 2)),
    ...(chance(0.6) ? { url: `https://news.example/${id}/${i + 1}` } : {}),
  }));
  // Every issue has an option; the others are spread at random, so issues have one to several.
  const optionsPerIssue = Array.from({ length: count.issues }, () => 1);
  for (let n = count.issues; n < count.options; n++) {
    const issue = int(0, count.issues - 1);
    optionsPerIssue[issue] = (optionsPerIssue[issue] ?? 0) + 1;
  }
  let optionNumber = 0;
  const issues: Dataset['issues'] = optionsPerIssue.map((optionCount, i) => ({
    id: `issue-${i + 1}`,
    label: `Issue ${i + 1}: ${words(2)}`,
    ...(chance(0.5) ? { summary: sentence(14) } : {}),
    options: Array.from({ length: optionCount }, () => {
      optionNumber += 1;
      return { id: `option-${optionNumber}`, label: `Option ${optionNumber}: ${words(3)}` };
    }),
  }));

  // Positions: held by one party (or a coalition of two on one side), on one issue, for or against its
  // options; later positions answer earlier ones on the same issue, mostly from another side.
  const positionsOnIssue = new Map<string, Array<{ id: string; side: string | undefined }>>();
  const positions: Dataset['positions'] = [];
  for (let i = 0; i < count.positions; i++) {
    const issue = pick(issues);
    const side = pick(sides).id;
    const camp = partiesOfSide.get(side) ?? [];
    const holders = [pick(camp).id];
    if (camp.length > 1 && chance(0.2)) {
      const ally = pick(camp).id;
      if (ally !== holders[0]) holders.push(ally);
    }
    const kind = weightedKind();
    const option = pick(issue.options).id;
    const other = issue.options.find((o) => o.id !== option)?.id;
    const opposing = kind === 'red-line' || kind === 'rejection' || kind === 'threat';
    const stated = int(0, span);
    const earlier = positionsOnIssue.get(issue.id) ?? [];
    const rival = earlier.filter((p) => p.side !== side);
    const answer = (list: Array<{ id: string }>) => [pick(list).id];
    const position: Dataset['positions'][number] = {
      id: `position-${i + 1}`,
      holders,
      issue: issue.id,
      kind,
      summary: sentence(18),
      stated: day(stated),
      ...(chance(0.15) ? { since: day(Math.max(0, stated - int(1, 60))) } : {}),
      firmness: pick(['low', 'medium', 'medium', 'high', 'high'] as const),
      ...(opposing ? { against: [option], ...(other && chance(0.3) ? { for: [other] } : {}) } : { for: [option] }),
      ...(!opposing && other && chance(0.2) ? { against: [other] } : {}),
      ...(kind === 'counter-offer' && rival.length > 0 ? { counters: answer(rival) } : {}),
      ...(opposing && rival.length > 0 && chance(0.6) ? { rejects: answer(rival) } : {}),
      ...((kind === 'condition' || kind === 'linkage') && positions.length > 0
        ? { conditionalOn: answer(positions.slice(-50)) }
        : {}),
    };
    positions.push(position);
    positionsOnIssue.set(issue.id, [...earlier, { id: position.id, side }]);
  }

  // Statements: the first evidences each position once, so that all are evidenced; the rest evidence one
  // position, or two of the same issue, said by a person of a holder (or the holder itself).
  const statements: Dataset['statements'] = Array.from({ length: statementCount }, (_, i) => {
    const position = i < positions.length ? (positions[i] as Dataset['positions'][number]) : pick(positions);
    const evidenced = [position.id];
    if (chance(0.35)) {
      const sibling = pick(positionsOnIssue.get(position.issue) ?? []).id;
      if (sibling !== position.id) evidenced.push(sibling);
    }
    const holder = pick(position.holders);
    const speakers = peopleOfParty.get(holder) ?? [];
    return {
      id: `statement-${i + 1}`,
      quote: sentence(int(10, 22)),
      ...(speakers.length > 0 && chance(0.75) ? { speaker: pick(speakers) } : { party: holder }),
      date: day(int(0, span)),
      source: pick(sources).id,
      ...(chance(0.75) ? { event: pick(events).id } : {}),
      ...(chance(0.05) ? { paraphrase: true } : {}),
      positions: evidenced,
    };
  });

  return {
    negotiation: { id, title: `Synthetic negotiation of ${nodes} nodes`, date: day(0), place: 'Geneva' },
    sides,
    parties,
    people,
    events,
    sources,
    issues,
    positions,
    statements,
  };
}

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('usage: npm run generate -- --nodes <n> [--sides 2] [--seed 1] [--id <negotiation id>] > file.yaml');
  process.exit(2);
}

function main(): void {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        nodes: { type: 'string' },
        sides: { type: 'string' },
        seed: { type: 'string' },
        id: { type: 'string' },
      },
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  if (!values.nodes) usage();
  try {
    const data = generateNegotiation({
      nodes: Number(values.nodes),
      sides: values.sides === undefined ? undefined : Number(values.sides),
      seed: values.seed === undefined ? undefined : Number(values.seed),
      id: values.id,
    });
    process.stdout.write(`# A synthetic negotiation (npm run generate -- ${process.argv.slice(2).join(' ')}).\n`);
    process.stdout.write(stringify(data, { lineWidth: 0 }));
  } catch (error) {
    if (error instanceof RangeError) usage(error.message);
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
