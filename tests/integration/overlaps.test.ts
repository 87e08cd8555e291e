import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadDataset } from '../../server/src/dataset/load.ts';
import { parseDataset, readDataset } from '../../server/src/dataset/parse.ts';
import type { Dataset } from '../../server/src/dataset/types.ts';
import { UnknownNegotiationError, UnknownPositionError } from '../../server/src/errors/domain.ts';
import { OverlapsService } from '../../server/src/features/overlaps/overlaps.service.ts';
import { CypherLibrary } from '../../server/src/neo4j/cypher.ts';
import { Database } from '../../server/src/neo4j/database.ts';
import { applySchema } from '../../server/src/neo4j/schema.ts';
import type { RunningServer } from '../../server/src/server.ts';
import type { IssueOverlap, OverlapReport } from '../../shared/api/overlaps.ts';
import { type Firmness, POSITION_KINDS, type PositionKind, type Verdict } from '../../shared/vocabulary.ts';
import { harbourTalks, toYaml } from '../_datasets.ts';
import { testDatabase, testDriver } from '../_neo4j.ts';
import { assertMatchesSchema } from '../_openapi.ts';
import { startTestServer } from '../_server.ts';

const cypher = new CypherLibrary();
const overlaps = () => new OverlapsService(new Database(testDriver(), cypher, testDatabase().database));

/** Every negotiation these tests load, so that they remove exactly those (the database is shared). */
const loaded = new Set<string>();

/** A position of a made-up harbour negotiation, with `quotes` statements behind it. */
interface Spec {
  id: string;
  by: string | string[];
  kind: PositionKind;
  on?: string;
  firmness?: Firmness;
  for?: string[];
  against?: string[];
  rejects?: string[];
  conditionalOn?: string[];
  quotes?: number;
}

/**
 * The harbour talks (tests/fixtures) with these positions instead of its own, under its own negotiation id.
 * North has two parties (Northport, the harbour board), South one (Southbay); the Fishers' Guild is
 * concerned, not at the table.
 */
function talks(name: string, specs: Spec[], edit?: (data: Dataset) => void): Dataset {
  const data = harbourTalks();
  data.negotiation.id = `overlaps-${name}`;
  data.parties.push({ id: 'harbour-board', label: 'Harbour board', type: 'organisation', side: 'north' });
  data.issues = [
    {
      id: 'berths',
      label: 'Berths for Southbay boats',
      options: [
        { id: 'ten-berths', label: 'Ten berths for Southbay' },
        { id: 'five-berths', label: 'Five berths for Southbay' },
        { id: 'no-berths', label: 'No berths for Southbay' },
      ],
    },
    {
      id: 'night-fishing',
      label: 'Night fishing in the bay',
      options: [
        { id: 'night-ban', label: 'A ban on night fishing' },
        { id: 'night-fishing-allowed', label: 'Night fishing allowed' },
      ],
    },
  ];
  data.positions = specs.map((s) => {
    const position: Dataset['positions'][number] = {
      id: s.id,
      holders: [s.by].flat(),
      issue: s.on ?? 'berths',
      kind: s.kind,
      summary: `Position ${s.id}.`,
      stated: '2024-05-02',
      firmness: s.firmness ?? 'medium',
    };
    for (const field of ['for', 'against', 'rejects', 'conditionalOn'] as const) {
      if (s[field]?.length) position[field] = s[field];
    }
    return position;
  });
  data.statements = specs.flatMap((s) =>
    Array.from({ length: s.quotes ?? 1 }, (_, k) => ({
      id: `${s.id}-said-${k + 1}`,
      quote: `${s.id}, in so many words (${k + 1}).`,
      party: [s.by].flat()[0]!,
      date: '2024-05-02',
      source: 'gazette',
      positions: [s.id],
    })),
  );
  edit?.(data);
  return data;
}

/** A third side at the table, East, with one party, Eastport. */
function withEast(data: Dataset): void {
  data.sides.push({ id: 'east', label: 'Easthaven' });
  data.parties.push({ id: 'eastport', label: 'Eastport', type: 'state', side: 'east' });
}

/** Validates the dataset like `npm run load` does, then loads it. */
async function load(data: Dataset): Promise<string> {
  const checked = parseDataset(toYaml(data), `${data.negotiation.id}.yaml`);
  await loadDataset(testDriver(), cypher, testDatabase().database, checked, { replace: true });
  loaded.add(checked.negotiation.id);
  return checked.negotiation.id;
}

async function analyse(data: Dataset, without: string[] = []): Promise<OverlapReport> {
  return overlaps().analyse(await load(data), without);
}

function issueOf(report: OverlapReport, slug: string): IssueOverlap {
  const found = report.issues.find((i) => i.issue.id === `${report.negotiation.id}:${slug}`);
  assert.ok(found, `no issue ${slug} in the report`);
  return found;
}

const verdictOf = (report: OverlapReport, slug = 'berths'): Verdict => issueOf(report, slug).verdict;
const slugs = (ids: Array<{ id: string }>) => ids.map((r) => r.id.split(':')[1]).sort();

describe('overlaps', () => {
  before(async () => {
    await applySchema(testDriver(), cypher, testDatabase().database);
  });

  after(async () => {
    // Only the negotiations these tests loaded: others share the database.
    await testDriver().executeQuery(
      `MATCH (n) WHERE n.negotiation IN $ids OR (n:Negotiation AND n.id IN $ids) DETACH DELETE n`,
      { ids: [...loaded] },
    );
  });

  describe('the analysis (cypher/analysis, OverlapsService)', () => {
    describe('verdicts, one rule at a time', () => {
      it('finds an agreement zone where both sides want or accept an option and nobody opposes it', async () => {
        const report = await analyse(
          talks('agreement', [
            { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
            { id: 'north-offers-ten', by: 'northport', kind: 'offer', for: ['ten-berths'] },
          ]),
        );
        const berths = issueOf(report, 'berths');
        assert.equal(berths.verdict, 'agreement-zone');
        assert.equal(berths.bestOption?.label, 'Ten berths for Southbay');
        assert.equal(berths.options.find((o) => o.status === 'agreed')?.id, `${report.negotiation.id}:ten-berths`);
        assert.deepEqual(berths.collisions, []);
        assert.deepEqual(
          berths.sides.map((s) => [s.side, slugs(s.positions)]),
          [
            ['north', ['north-offers-ten']],
            ['south', ['south-wants-ten']],
          ],
        );
        assert.match(berths.explanation, /Both sides accept “Ten berths for Southbay”/);
        assert.match(berths.explanation, /Southbay: demand, medium firmness/);
      });

      it('says nothing can be concluded when only one side has spoken; concerned parties do not count', async () => {
        const report = await analyse(
          talks('one-sided', [
            { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
            { id: 'guild-against-ten', by: 'fishers-guild', kind: 'red-line', against: ['ten-berths'] },
          ]),
        );
        const berths = issueOf(report, 'berths');
        assert.equal(berths.verdict, 'one-sided');
        assert.deepEqual(berths.collisions, []);
        assert.deepEqual(
          berths.sides.map((s) => s.side),
          ['south', null],
          'the guild is listed apart, as a concerned party',
        );
        assert.match(berths.explanation, /^Only Southbay has stated a position \(demand, medium firmness\)/);
      });

      it('gives an issue with no positions at all its own verdict, no-positions', async () => {
        const report = await analyse(
          talks('no-positions', [{ id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] }]),
        );
        const night = issueOf(report, 'night-fishing');
        assert.equal(night.verdict, 'no-positions');
        assert.deepEqual(night.sides, []);
        assert.equal(night.explanation, 'No side at the table has stated a position on this issue.');
        assert.equal(report.issues.at(-1)?.verdict, 'no-positions', 'ranked last');
      });

      it('blocks an issue when one side demands what the other rules out with a red line', async () => {
        const report = await analyse(
          talks('red-line', [
            { id: 'south-wants-ten', by: 'southbay', kind: 'demand', firmness: 'high', for: ['ten-berths'] },
            { id: 'north-never-ten', by: 'northport', kind: 'red-line', firmness: 'high', against: ['ten-berths'] },
          ]),
        );
        const berths = issueOf(report, 'berths');
        assert.equal(berths.verdict, 'blocked');
        assert.equal(berths.collisions.length, 1);
        const [collision] = berths.collisions;
        assert.equal(collision?.option.label, 'Ten berths for Southbay');
        assert.equal(collision?.side.id, 'south');
        assert.deepEqual(slugs(collision?.wantedBy ?? []), ['south-wants-ten']);
        assert.equal(collision?.opposingSide.id, 'north');
        assert.deepEqual(
          collision?.opposedBy.map((p) => [p.id.split(':')[1], p.kind, p.how]),
          [['north-never-ten', 'red-line', ['against']]],
        );
        assert.equal(
          berths.explanation,
          '“Ten berths for Southbay”, which Southbay wants (demand, high firmness), is opposed by Northport (red line, high firmness).',
        );
      });

      it('blocks an issue when a rejection turns the demand down, even without naming the option', async () => {
        const report = await analyse(
          talks('rejection', [
            { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
            { id: 'north-rejects', by: 'northport', kind: 'rejection', rejects: ['south-wants-ten'] },
          ]),
        );
        const berths = issueOf(report, 'berths');
        assert.equal(berths.verdict, 'blocked');
        assert.deepEqual(berths.collisions[0]?.opposedBy[0]?.how, ['rejects']);
      });

      it('names every red line when two rule out the same demand', async () => {
        const report = await analyse(
          talks('two-red-lines', [
            { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
            { id: 'north-offers-ten', by: 'northport', kind: 'offer', for: ['ten-berths'] },
            { id: 'board-never-ten', by: 'harbour-board', kind: 'red-line', against: ['ten-berths'] },
            { id: 'port-never-ten', by: 'northport', kind: 'red-line', against: ['ten-berths'] },
          ]),
        );
        const berths = issueOf(report, 'berths');
        assert.equal(berths.verdict, 'blocked');
        assert.deepEqual(slugs(berths.collisions[0]?.opposedBy ?? []), ['board-never-ten', 'port-never-ten']);
        assert.match(berths.explanation, /opposed by Northport \(2 red lines, medium firmness\)/);
      });

      it('makes an agreement conditional when a side accepts only on a condition, and says on what', async () => {
        const report = await analyse(
          talks('condition', [
            { id: 'north-offers-ban', by: 'northport', kind: 'offer', on: 'night-fishing', for: ['night-ban'] },
            {
              id: 'south-ban-if-berths',
              by: 'southbay',
              kind: 'condition',
              on: 'night-fishing',
              firmness: 'low',
              for: ['night-ban'],
              conditionalOn: ['south-wants-ten'],
            },
            { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
          ]),
        );
        const night = issueOf(report, 'night-fishing');
        assert.equal(night.verdict, 'conditional');
        assert.equal(night.conditions.length, 1);
        const [condition] = night.conditions;
        assert.equal(condition?.side.id, 'south');
        assert.equal(condition?.option.label, 'A ban on night fishing');
        assert.deepEqual(slugs(condition?.positions ?? []), ['south-ban-if-berths']);
        assert.deepEqual(
          condition?.positions[0]?.dependsOn.map((d) => [d.id.split(':')[1], d.issue.label]),
          [['south-wants-ten', 'Berths for Southbay boats']],
        );
        assert.match(
          night.explanation,
          /but Southbay accepts it only through a condition \(low firmness\) that depends on “Southbay: demand – Ten berths for Southbay”, on the issue “Berths for Southbay boats”/,
        );
      });

      it('also makes it conditional when the supporting offer itself depends on another position', async () => {
        const report = await analyse(
          talks('conditional-offer', [
            { id: 'north-offers-five', by: 'northport', kind: 'offer', for: ['five-berths'] },
            { id: 'south-five-if-ban', by: 'southbay', kind: 'offer', for: ['five-berths'], conditionalOn: ['ban'] },
            { id: 'ban', by: 'southbay', kind: 'demand', on: 'night-fishing', for: ['night-ban'] },
          ]),
        );
        assert.equal(verdictOf(report), 'conditional');
      });

      it('makes an agreement conditional when a side ties the whole issue into a package by a linkage', async () => {
        const report = await analyse(
          talks('linkage', [
            { id: 'north-offers-five', by: 'northport', kind: 'offer', for: ['five-berths'] },
            { id: 'south-accepts-five', by: 'southbay', kind: 'offer', for: ['five-berths'] },
            {
              id: 'south-package',
              by: 'southbay',
              kind: 'linkage',
              firmness: 'high',
              conditionalOn: ['south-wants-ban'],
            },
            { id: 'south-wants-ban', by: 'southbay', kind: 'demand', on: 'night-fishing', for: ['night-ban'] },
          ]),
        );
        const berths = issueOf(report, 'berths');
        assert.equal(berths.verdict, 'conditional');
        assert.deepEqual(slugs(berths.conditions[0]?.positions ?? []), ['south-package']);
        assert.equal(berths.conditions[0]?.positions[0]?.dependsOn[0]?.issue.label, 'Night fishing in the bay');
        assert.match(
          berths.explanation,
          /through a linkage \(high firmness\) that depends on .*Night fishing in the bay/,
        );
      });

      it('does not count a threat as support: its FOR is the consequence it announces', async () => {
        const report = await analyse(
          talks('threat', [
            { id: 'south-accepts-none', by: 'southbay', kind: 'offer', for: ['no-berths'] },
            { id: 'north-threatens-none', by: 'northport', kind: 'threat', for: ['no-berths'] },
          ]),
        );
        const berths = issueOf(report, 'berths');
        assert.equal(berths.verdict, 'no-overlap');
        assert.equal(berths.options.find((o) => o.label === 'No berths for Southbay')?.status, 'wanted');
        assert.match(berths.explanation, /no option is accepted by every side/);
      });

      it('with three sides, needs every side that has spoken, and lets a silent side be', async () => {
        const all = await analyse(
          talks(
            'three-sides',
            [
              { id: 'north-offers-five', by: 'northport', kind: 'offer', for: ['five-berths'] },
              { id: 'south-wants-five', by: 'southbay', kind: 'demand', for: ['five-berths'] },
              { id: 'east-accepts-five', by: 'eastport', kind: 'offer', for: ['five-berths'] },
            ],
            withEast,
          ),
        );
        assert.equal(verdictOf(all), 'agreement-zone');
        assert.match(
          issueOf(all, 'berths').explanation,
          /^All 3 sides that have spoken accept “Five berths for Southbay”/,
        );

        const silent = await analyse(
          talks(
            'three-sides',
            [
              { id: 'north-offers-five', by: 'northport', kind: 'offer', for: ['five-berths'] },
              { id: 'south-wants-five', by: 'southbay', kind: 'demand', for: ['five-berths'] },
            ],
            withEast,
          ),
        );
        assert.equal(verdictOf(silent), 'agreement-zone', 'East has said nothing on berths');

        const elsewhere = await analyse(
          talks(
            'three-sides',
            [
              { id: 'north-offers-five', by: 'northport', kind: 'offer', for: ['five-berths'] },
              { id: 'south-wants-five', by: 'southbay', kind: 'demand', for: ['five-berths'] },
              { id: 'east-wants-ten', by: 'eastport', kind: 'demand', for: ['ten-berths'] },
            ],
            withEast,
          ),
        );
        assert.equal(verdictOf(elsewhere), 'no-overlap', 'East has spoken, for another option');

        const vetoed = await analyse(
          talks(
            'three-sides',
            [
              { id: 'north-offers-five', by: 'northport', kind: 'offer', for: ['five-berths'] },
              { id: 'south-wants-five', by: 'southbay', kind: 'demand', for: ['five-berths'] },
              { id: 'east-never-five', by: 'eastport', kind: 'red-line', against: ['five-berths'] },
            ],
            withEast,
          ),
        );
        const berths = issueOf(vetoed, 'berths');
        assert.equal(berths.verdict, 'blocked');
        assert.deepEqual(
          berths.collisions.map((c) => [c.side.id, c.opposingSide.id]),
          [
            ['south', 'east'],
            ['north', 'east'],
          ],
        );
      });

      it('prefers an agreement on one option to a collision on another, and still reports the collision', async () => {
        const report = await analyse(
          talks('precedence', [
            { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
            { id: 'north-never-ten', by: 'northport', kind: 'red-line', against: ['ten-berths'] },
            { id: 'north-offers-five', by: 'northport', kind: 'offer', for: ['five-berths'] },
            { id: 'south-accepts-five', by: 'southbay', kind: 'counter-offer', for: ['five-berths'] },
          ]),
        );
        const berths = issueOf(report, 'berths');
        assert.equal(berths.verdict, 'agreement-zone');
        assert.equal(berths.bestOption?.label, 'Five berths for Southbay');
        assert.equal(berths.collisions[0]?.option.label, 'Ten berths for Southbay');
        assert.match(berths.explanation, /Still, “Ten berths for Southbay” collides \(Southbay against Northport\)/);
      });

      it('ranks agreement zones by the weakest side’s firmness and evidence, as documented', async () => {
        const report = await analyse(
          talks('ranking', [
            // Berths: North high (3) + 2 statements = 5, South medium (2) + 4 statements counted as 3 = 5.
            {
              id: 'north-offers-five',
              by: 'northport',
              kind: 'offer',
              firmness: 'high',
              quotes: 2,
              for: ['five-berths'],
            },
            { id: 'south-wants-five', by: 'southbay', kind: 'demand', quotes: 4, for: ['five-berths'] },
            // Night fishing: North low (1) + 1 = 2, South high (3) + 1 = 4; the weakest side scores 2.
            {
              id: 'north-ban',
              by: 'northport',
              kind: 'offer',
              on: 'night-fishing',
              firmness: 'low',
              for: ['night-ban'],
            },
            {
              id: 'south-ban',
              by: 'southbay',
              kind: 'offer',
              on: 'night-fishing',
              firmness: 'high',
              for: ['night-ban'],
            },
          ]),
        );
        assert.deepEqual(
          report.issues.map((i) => [i.issue.label, i.verdict, i.rank, i.score, i.total]),
          [
            ['Berths for Southbay boats', 'agreement-zone', 1, 5, 10],
            ['Night fishing in the bay', 'agreement-zone', 2, 2, 6],
          ],
        );
        const five = issueOf(report, 'berths').options.find((o) => o.status === 'agreed');
        assert.deepEqual(
          five?.strengths.map((s) => [s.side, s.firmness, s.evidence, s.strength]),
          [
            ['north', 3, 2, 5],
            ['south', 2, 4, 5],
          ],
        );
      });
    });

    describe('what-if: positions set aside', () => {
      const divided = () =>
        talks('what-if-unblock', [
          { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
          { id: 'north-offers-ten', by: 'northport', kind: 'offer', for: ['ten-berths'] },
          { id: 'board-never-ten', by: 'harbour-board', kind: 'red-line', against: ['ten-berths'] },
          { id: 'port-never-ten', by: 'northport', kind: 'red-line', against: ['ten-berths'] },
        ]);

      it('turns blocked into an agreement when both red lines are relaxed, not when one is', async () => {
        const one = await analyse(divided(), ['board-never-ten']);
        assert.equal(verdictOf(one), 'blocked');
        assert.deepEqual(one.changes, []);

        const both = await analyse(divided(), ['board-never-ten', 'overlaps-what-if-unblock:port-never-ten']);
        assert.equal(verdictOf(both), 'agreement-zone');
        assert.deepEqual(slugs(both.without), ['board-never-ten', 'port-never-ten']);
        assert.deepEqual(both.changes, [
          {
            issue: { id: 'overlaps-what-if-unblock:berths', label: 'Berths for Southbay boats' },
            before: 'blocked',
            after: 'agreement-zone',
          },
        ]);
        assert.ok(
          both.issues.every((i) => i.sides.every((s) => s.positions.every((p) => !p.id.endsWith('never-ten')))),
          'the positions set aside are not in the evidence',
        );
      });

      it('turns an agreement into blocked when the offer that made it is withdrawn', async () => {
        const data = talks('what-if-block', [
          { id: 'north-offers-five', by: 'northport', kind: 'offer', for: ['five-berths'] },
          { id: 'south-accepts-five', by: 'southbay', kind: 'offer', for: ['five-berths'] },
          { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
          { id: 'north-never-ten', by: 'northport', kind: 'red-line', against: ['ten-berths'] },
        ]);
        assert.equal(verdictOf(await analyse(data)), 'agreement-zone');
        const report = await analyse(data, ['north-offers-five']);
        assert.equal(verdictOf(report), 'blocked');
        assert.deepEqual(
          report.changes?.map((c) => [c.issue.label, c.before, c.after]),
          [['Berths for Southbay boats', 'agreement-zone', 'blocked']],
        );
      });

      it('waives a condition whose dependency is set aside', async () => {
        const data = talks('what-if-waive', [
          { id: 'north-offers-ban', by: 'northport', kind: 'offer', on: 'night-fishing', for: ['night-ban'] },
          {
            id: 'south-ban-if-berths',
            by: 'southbay',
            kind: 'condition',
            on: 'night-fishing',
            for: ['night-ban'],
            conditionalOn: ['south-wants-ten'],
          },
          { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
        ]);
        const report = await analyse(data, ['south-wants-ten']);
        assert.equal(verdictOf(report, 'night-fishing'), 'agreement-zone');
        assert.deepEqual(
          report.changes?.map((c) => [c.issue.label, c.before, c.after]),
          [
            ['Night fishing in the bay', 'conditional', 'agreement-zone'],
            ['Berths for Southbay boats', 'one-sided', 'no-positions'],
          ],
        );
      });

      it('refuses ids that name no position of the negotiation, naming them', async () => {
        const data = talks('what-if-unknown', [
          { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
        ]);
        await load(data);
        await assert.rejects(
          overlaps().analyse('overlaps-what-if-unknown', ['south-wants-ten', 'nope', 'harbour-talks:north-no-berths']),
          (error: unknown) => {
            assert.ok(error instanceof UnknownPositionError);
            assert.deepEqual(error.ids, ['nope', 'harbour-talks:north-no-berths']);
            return true;
          },
        );
        await assert.rejects(overlaps().analyse('overlaps-no-such-negotiation'), UnknownNegotiationError);
      });
    });

    describe('the bundled NATO–Russia dataset', () => {
      let report: OverlapReport;
      before(async () => {
        report = await overlaps().analyse(await load(readDataset('data/nato-russia-2022.yaml')));
        loaded.delete('nato-russia-2022'); // other tests expect it to stay
      });

      /** All the quotes behind the positions an issue's verdict rests on. */
      const quotesOf = (issue: IssueOverlap, positionSlugs: string[]) =>
        issue.sides
          .flatMap((s) => s.positions)
          .filter((p) => positionSlugs.includes(p.slug))
          .flatMap((p) => p.statements.map((s) => s.quote))
          .join('\n');

      it('finds common ground on missiles, exercises, incident prevention and arms control; collisions on enlargement, the eastern flank and the rest; missions and further talks conditional', () => {
        assert.deepEqual(
          report.issues.map((i) => [i.issue.id.split(':')[1], i.verdict, i.rank ?? null]),
          [
            ['intermediate-range-missiles', 'agreement-zone', 1],
            ['incident-prevention', 'agreement-zone', 2],
            ['military-exercises', 'agreement-zone', 3],
            ['arms-control', 'agreement-zone', 4],
            ['missions', 'conditional', 5],
            ['further-talks', 'conditional', 6],
            ['eastern-flank', 'blocked', null],
            ['post-soviet-activity', 'blocked', null],
            ['enlargement', 'blocked', null],
            ['security-package', 'blocked', null],
            ['troop-buildup', 'blocked', null],
            ['arms-supplies-ukraine', 'one-sided', null],
            ['sanctions', 'one-sided', null],
            ['space-cyber', 'one-sided', null],
          ],
        );
      });

      it('explains the common ground on missiles, exercises and incidents by both sides’ offers and quotes', () => {
        const cases: Array<[string, string, string[], RegExp[]]> = [
          [
            'intermediate-range-missiles',
            'reciprocal-missile-limits',
            ['russia-offers-missile-dialogue', 'nato-offers-reciprocal-missile-limits'],
            [
              /Russia was ready for dialogue on not deploying intermediate-range missiles/,
              /agreed limits on missile deployments/,
            ],
          ],
          [
            'military-exercises',
            'mutual-exercise-limits',
            [
              'russia-offers-exercise-limits',
              'nato-offers-exercise-limits-transparency',
              'west-counter-offer-exercises',
            ],
            [/mutual limits on military exercises/, /limiting provocative military exercises/],
          ],
          [
            'incident-prevention',
            'incident-prevention-measures',
            [
              'russia-offers-incident-prevention',
              'russia-says-de-escalation-offers-ignored',
              'nato-offers-incident-prevention',
            ],
            [/ways to prevent accidental encounters/, /prevent dangerous military incidents/],
          ],
        ];
        for (const [issueSlug, optionSlug, supporters, quotes] of cases) {
          const issue = issueOf(report, issueSlug);
          assert.equal(issue.bestOption?.id, `nato-russia-2022:${optionSlug}`, issueSlug);
          const option = issue.options.find((o) => o.id === issue.bestOption?.id);
          assert.deepEqual(option?.supporters.map((id) => id.split(':')[1]).sort(), [...supporters].sort(), issueSlug);
          assert.deepEqual(option?.supportedBy, ['russia-side', 'west']);
          for (const quote of quotes) assert.match(quotesOf(issue, supporters), quote, issueSlug);
          assert.match(issue.explanation, /^Both sides accept/);
        }
      });

      it('explains the collision on enlargement by Russia’s demand against NATO’s open door, with their words', () => {
        const enlargement = issueOf(report, 'enlargement');
        const first = enlargement.collisions[0];
        assert.equal(first?.option.id, 'nato-russia-2022:enlargement-ban');
        assert.deepEqual(slugs(first?.wantedBy ?? []), ['russia-demands-enlargement-ban']);
        assert.deepEqual(slugs(first?.opposedBy ?? []), [
          'nato-red-line-no-russian-veto',
          'nato-red-line-open-door',
          'us-red-line-open-door',
          'west-rejects-enlargement-ban',
        ]);
        const quotes = quotesOf(enlargement, [
          'russia-demands-enlargement-ban',
          'nato-red-line-open-door',
          'us-red-line-open-door',
        ]);
        assert.match(quotes, /absolutely imperative to end the policy of open doors/);
        assert.match(quotes, /We will not slam the door shut on NATO’s open-door policy/);
        assert.match(
          enlargement.explanation,
          /Legally binding ban on further enlargement”, which Russia wants \(demand, high firmness\)/,
        );
      });

      it('explains the collision on the eastern flank by Russia’s withdrawal demand and the allies’ rejection', () => {
        const flank = issueOf(report, 'eastern-flank');
        const first = flank.collisions[0];
        assert.equal(first?.option.id, 'nato-russia-2022:withdrawal-to-1997-posture');
        assert.deepEqual(slugs(first?.wantedBy ?? []), ['russia-demands-eastern-withdrawal']);
        assert.deepEqual(slugs(first?.opposedBy ?? []), ['west-rejects-eastern-withdrawal']);
        const quotes = quotesOf(flank, ['russia-demands-eastern-withdrawal', 'west-rejects-eastern-withdrawal']);
        assert.match(quotes, /withdraw its troops and military equipment from countries neighbouring Russia/);
        assert.match(quotes, /NATO allies rejected those demands/);
      });

      it('hangs the missions on Russia’s package and further talks on Russia’s demand for written answers', () => {
        const missions = issueOf(report, 'missions');
        const [missionsCondition] = missions.conditions;
        assert.equal(missionsCondition?.side.id, 'russia-side');
        assert.deepEqual(slugs(missionsCondition?.positions ?? []), ['russia-condition-mission-restored']);
        const linkage = missionsCondition?.positions[0]?.dependsOn[0];
        assert.equal(linkage?.id, 'nato-russia-2022:russia-links-demands-as-package');
        assert.equal(linkage?.issue.id, 'nato-russia-2022:security-package');
        assert.deepEqual(slugs(linkage?.reaches ?? []), [
          'arms-supplies-ukraine',
          'eastern-flank',
          'enlargement',
          'post-soviet-activity',
        ]);
        assert.match(quotesOf(missions, ['russia-condition-mission-restored']), /If NATO chooses a different course/);
        assert.match(missions.explanation, /Russia accepts it only through a condition \(low firmness\)/);

        const talksIssue = issueOf(report, 'further-talks');
        const [talksCondition] = talksIssue.conditions;
        assert.deepEqual(slugs(talksCondition?.positions ?? []), ['russia-condition-further-talks']);
        assert.equal(
          talksCondition?.positions[0]?.dependsOn[0]?.id,
          'nato-russia-2022:russia-demands-written-responses',
        );
        assert.match(
          quotesOf(talksIssue, ['russia-condition-further-talks']),
          /only after it reviews written NATO responses/,
        );
      });

      it('answers “what would it take”: dropping Russia’s linkage frees the missions', async () => {
        const whatIf = await overlaps().analyse('nato-russia-2022', ['russia-links-demands-as-package']);
        assert.deepEqual(
          whatIf.changes?.map((c) => [c.issue.id, c.before, c.after]),
          [['nato-russia-2022:missions', 'conditional', 'agreement-zone']],
        );
      });
    });
  });

  describe('GET /api/overlaps', () => {
    let server: RunningServer;
    before(async () => {
      server = await startTestServer();
      await load(
        talks('http', [
          { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
          { id: 'north-never-ten', by: 'northport', kind: 'red-line', against: ['ten-berths'] },
        ]),
      );
    });
    after(() => server.close());

    const get = async (query: string) => {
      const response = await fetch(`${server.url}/api/overlaps${query}`);
      return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
    };

    it('answers the report, as plain JSON: numbers and ISO dates, no Neo4j values', async () => {
      const { status, body } = await get('?negotiation=overlaps-http');
      assert.equal(status, 200);
      assertMatchesSchema('OverlapReport', body);
      assert.equal(body.negotiation.id, 'overlaps-http');
      assert.equal(body.negotiation.date, '2024-05-02');
      assert.deepEqual(body.without, []);
      assert.equal(body.changes, undefined);
      const berths = body.issues.find((i: IssueOverlap) => i.issue.id === 'overlaps-http:berths');
      assert.equal(berths.verdict, 'blocked');
      assert.equal(berths.sides[0].side, 'north');
      assert.equal(berths.sides[0].positions[0].firmnessRank, 2);
      assert.equal(berths.sides[0].positions[0].stated, '2024-05-02');
      assert.equal(berths.sides[0].positions[0].statements[0].source.date, '2024-05-03');
      assert.doesNotMatch(JSON.stringify(body), /"low":\s*\d+,\s*"high"/);
    });

    it('runs a what-if from `without`, comma-separated or repeated, and lists the verdicts that change', async () => {
      const { status, body } = await get('?negotiation=overlaps-http&without=north-never-ten');
      assert.equal(status, 200);
      assert.deepEqual(
        body.changes.map((c: { before: string; after: string }) => [c.before, c.after]),
        [['blocked', 'one-sided']],
      );
      const repeated = await get('?negotiation=overlaps-http&without=north-never-ten&without=south-wants-ten');
      assert.equal(repeated.body.without.length, 2);
    });

    it('answers 400 naming the parameter when negotiation is missing', async () => {
      const { status, type, body } = await get('');
      assert.equal(status, 400);
      assert.equal(type, 'application/problem+json; charset=utf-8');
      assert.equal(body.parameter, 'negotiation');
      assert.match(body.detail, /^negotiation: is required/);
    });

    it('answers 404 for a negotiation that does not exist', async () => {
      const { status, body } = await get('?negotiation=no-such-talks');
      assert.equal(status, 404);
      assert.equal(body.parameter, 'negotiation');
      assert.match(body.detail, /no-such-talks/);
    });

    it('answers 400 naming the ids in `without` that are no position of the negotiation', async () => {
      const { status, body } = await get('?negotiation=overlaps-http&without=north-never-ten,not-a-position');
      assert.equal(status, 400);
      assert.equal(body.parameter, 'without');
      assert.deepEqual(body.unknown, ['not-a-position']);
      assert.match(body.detail, /not-a-position/);
    });
  });

  describe('properties (fast-check, against Neo4j)', function () {
    this.timeout(180_000);

    const PARTIES = ['northport', 'harbour-board', 'southbay', 'fishers-guild'];
    const NORTH = ['northport', 'harbour-board'];
    const OPTIONS = ['ten-berths', 'five-berths', 'no-berths'];
    const RUNS = { numRuns: 25, seed: 20220112, endOnFailure: true };

    /** Random positions on berths; each may reject or depend on the ones before it. */
    const positionsArb = (prefix: string, min: number, max: number) =>
      fc
        .array(
          fc.record({
            holders: fc.subarray(PARTIES, { minLength: 1 }),
            kind: fc.constantFrom(...POSITION_KINDS),
            firmness: fc.constantFrom<Firmness>('low', 'medium', 'high'),
            for: fc.subarray(OPTIONS),
            against: fc.subarray(OPTIONS),
            rejects: fc.array(fc.nat(), { maxLength: 2 }),
            conditionalOn: fc.array(fc.nat(), { maxLength: 1 }),
          }),
          { minLength: min, maxLength: max },
        )
        .map((drawn) =>
          drawn.map((d, i): Spec => {
            const earlier = (refs: number[]) => (i === 0 ? [] : [...new Set(refs.map((n) => `${prefix}${n % i}`))]);
            return {
              id: `${prefix}${i}`,
              by: d.holders,
              kind: d.kind,
              firmness: d.firmness,
              for: d.for,
              against: d.against.filter((o) => !d.for.includes(o)),
              rejects: earlier(d.rejects),
              conditionalOn: earlier(d.conditionalOn),
            };
          }),
        );

    it('adding a red line against an option never turns a blocked verdict into an agreement', async () => {
      let blocked = 0;
      await fc.assert(
        fc.asyncProperty(
          positionsArb('p', 0, 5),
          fc.constantFrom(...PARTIES),
          fc.subarray(OPTIONS, { minLength: 1 }),
          async (extra, holder, against) => {
            // A demand and its rejection make blocked the common starting point.
            const base: Spec[] = [
              { id: 'south-wants-ten', by: 'southbay', kind: 'demand', for: ['ten-berths'] },
              { id: 'north-rejects-ten', by: 'northport', kind: 'rejection', rejects: ['south-wants-ten'] },
              ...extra,
            ];
            const redLine: Spec = { id: 'added-red-line', by: holder, kind: 'red-line', against };
            const before = verdictOf(await analyse(talks('prop-red-line-before', base)));
            const added = await analyse(talks('prop-red-line-after', [...base, redLine]));
            const after = verdictOf(added);
            if (holder !== 'fishers-guild') {
              // And what a side at the table rules out, no one agrees on.
              const ruledOut = issueOf(added, 'berths').options.filter((o) => against.includes(o.id.split(':')[1]!));
              for (const option of ruledOut) {
                assert.ok(!['agreed', 'conditional'].includes(option.status), `${option.id} is ${option.status}`);
              }
            }
            if (before === 'blocked') blocked++;
            const agreement = (v: Verdict) => v === 'agreement-zone' || v === 'conditional';
            if (before === 'blocked') assert.ok(!agreement(after), `blocked became ${after}`);
            if (!agreement(before)) assert.ok(!agreement(after), `${before} became ${after}`);
          },
        ),
        RUNS,
      );
      assert.ok(blocked > 5, `only ${blocked} runs started blocked`);
    });

    it('removing all of one side’s positions on an issue makes it one-sided', async () => {
      await fc.assert(
        fc.asyncProperty(
          positionsArb('p', 0, 5),
          fc.constantFrom<PositionKind>(...POSITION_KINDS),
          fc.constantFrom<PositionKind>(...POSITION_KINDS),
          fc.constantFrom('north', 'south'),
          async (extra, northKind, southKind, side) => {
            const specs: Spec[] = [
              { id: 'north-said', by: 'northport', kind: northKind, for: ['five-berths'] },
              { id: 'south-said', by: 'southbay', kind: southKind, against: ['five-berths'] },
              ...extra,
            ];
            const partiesOfSide = side === 'north' ? NORTH : ['southbay'];
            const removed = new Set(
              specs.filter((s) => [s.by].flat().some((p) => partiesOfSide.includes(p))).map((s) => s.id),
            );
            const kept = specs
              .filter((s) => !removed.has(s.id))
              .map((s) => ({
                ...s,
                rejects: s.rejects?.filter((id) => !removed.has(id)),
                conditionalOn: s.conditionalOn?.filter((id) => !removed.has(id)),
              }));
            const report = await analyse(talks('prop-one-sided', kept));
            assert.equal(verdictOf(report), 'one-sided');
            // Setting them aside says the same as removing them.
            const whatIf = await analyse(talks('prop-one-sided-what-if', specs), [...removed]);
            assert.equal(verdictOf(whatIf), 'one-sided');
          },
        ),
        RUNS,
      );
    });

    it('gives the same verdicts whatever the order in which positions were loaded', async () => {
      const verdicts = (report: OverlapReport) =>
        report.issues.map((i) => ({
          issue: i.issue.id.split(':')[1],
          verdict: i.verdict,
          score: i.score,
          options: i.options.map((o) => [o.id.split(':')[1], o.status, o.score]),
          collisions: i.collisions.length,
          explanation: i.explanation,
        }));
      await fc.assert(
        fc.asyncProperty(
          positionsArb('p', 1, 6).chain((specs) =>
            fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs, { minLength: specs.length })),
          ),
          async ([specs, shuffled]) => {
            const inOrder = await analyse(talks('prop-order-a', specs));
            const reordered = await analyse(
              talks('prop-order-b', shuffled, (data) => {
                data.statements.reverse();
              }),
            );
            assert.deepEqual(verdicts(reordered), verdicts(inOrder));
          },
        ),
        RUNS,
      );
    });
  });
});
