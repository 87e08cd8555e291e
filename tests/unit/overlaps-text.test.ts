import assert from 'node:assert/strict';
import { explain } from '../../server/src/features/overlaps/overlaps.explain.ts';
import type { VerdictRow } from '../../server/src/features/overlaps/overlaps.rows.ts';
import { verdictChanges } from '../../server/src/features/overlaps/overlaps.shape.ts';
import { formatReport, keyPositions, wrap } from '../../server/src/features/overlaps/overlaps.text.ts';
import type { IssueOverlap, OverlapPosition, OverlapReport } from '../../shared/api/overlaps.ts';
import type { PositionKind, Verdict } from '../../shared/vocabulary.ts';

const NORTH = { id: 'north', label: 'Northport' };
const SOUTH = { id: 'south', label: 'Southbay' };

function position(
  id: string,
  kind: PositionKind,
  firmness: OverlapPosition['firmness'],
  side: string | null,
): OverlapPosition {
  return {
    id,
    slug: id,
    label: `${id} label`,
    summary: `${id} summary.`,
    kind,
    kindLabel: kind === 'red-line' ? 'Red line' : kind[0]!.toUpperCase() + kind.slice(1),
    firmness,
    firmnessRank: ['low', 'medium', 'high'].indexOf(firmness) + 1,
    stated: '2024-05-02',
    since: '2024-05-02',
    issue: { id: 'berths', label: 'Berths' },
    holders: [{ id: `${id}-holder`, label: 'Holder', side, sideLabel: side }],
    for: [],
    against: [],
    rejects: [],
    counters: [],
    conditionalOn: [],
    statements: [
      {
        id: `${id}-said`,
        quote: `${id} quoted.`,
        paraphrase: false,
        date: '2024-05-02',
        fromHolder: true,
        speaker: { id: 'ada', name: 'Ada North', role: 'Harbour master', party: 'Northport' },
        source: { id: 'gazette', outlet: 'The Harbour Gazette', title: 'Towns talk', date: '2024-05-03', url: null },
      },
    ],
  };
}

function issue(verdict: Verdict, extra: Partial<IssueOverlap> = {}): IssueOverlap {
  return {
    issue: { id: 'berths', label: 'Berths', summary: null },
    verdict,
    explanation: '',
    options: [],
    sides: [],
    collisions: [],
    conditions: [],
    ...extra,
  };
}

const row = (issueId: string, verdict: Verdict): VerdictRow => ({
  issue: issueId,
  label: issueId,
  verdict,
  bestOption: null,
  score: null,
  total: null,
  statedSides: [],
  options: [],
});

describe('overlaps (pure parts)', () => {
  describe('verdictChanges', () => {
    it('lists the issues whose verdict differs, in the order of the what-if', () => {
      const before = [row('a', 'blocked'), row('b', 'one-sided'), row('c', 'conditional')];
      const after = [row('c', 'agreement-zone'), row('a', 'blocked'), row('b', 'no-positions')];
      assert.deepEqual(verdictChanges(before, after), [
        { issue: { id: 'c', label: 'c' }, before: 'conditional', after: 'agreement-zone' },
        { issue: { id: 'b', label: 'b' }, before: 'one-sided', after: 'no-positions' },
      ]);
    });
  });

  describe('explain', () => {
    it('says who has spoken on a one-sided issue, with the kinds and firmness of what they said', () => {
      const text = explain(
        issue('one-sided', {
          sides: [
            { side: 'south', label: 'Southbay', positions: [position('a', 'demand', 'high', 'south')] },
            { side: null, label: 'Concerned', positions: [position('b', 'threat', 'low', null)] },
          ],
        }),
        [SOUTH],
      );
      assert.equal(
        text,
        'Only Southbay has stated a position (demand, high firmness); nothing can be concluded until another side does.',
      );
    });

    it('mentions concerned parties when only they have spoken', () => {
      const text = explain(
        issue('no-positions', {
          sides: [{ side: null, label: 'Concerned', positions: [position('b', 'red-line', 'low', null)] }],
        }),
        [],
      );
      assert.equal(
        text,
        'No side at the table has stated a position; only concerned parties have (red line, low firmness).',
      );
    });

    it('says when both sides have spoken past each other', () => {
      assert.match(explain(issue('no-overlap'), [NORTH, SOUTH]), /^Both sides have spoken, but no option/);
    });
  });

  describe('the terminal table', () => {
    const report: OverlapReport = {
      negotiation: { id: 'harbour-talks', label: 'Harbour access talks', date: '2024-05-02' },
      sides: [NORTH, SOUTH],
      without: [
        {
          id: 'harbour-talks:north-no-berths',
          label: 'Northport: red line – No berths',
          kind: 'red-line',
          firmness: 'high',
          issue: { id: 'berths', label: 'Berths' },
        },
      ],
      issues: [
        issue('blocked', {
          explanation: 'Southbay wants ten berths; Northport says no.',
          sides: [
            { side: 'north', label: 'Northport', positions: [position('no', 'red-line', 'high', 'north')] },
            { side: 'south', label: 'Southbay', positions: [position('ten', 'demand', 'high', 'south')] },
          ],
          collisions: [
            {
              option: { id: 'ten-berths', label: 'Ten berths' },
              side: SOUTH,
              wantedBy: [{ id: 'ten', label: 'ten', kind: 'demand', firmness: 'high' }],
              opposingSide: NORTH,
              opposedBy: [{ id: 'no', label: 'no', kind: 'red-line', firmness: 'high', how: ['against'] }],
            },
          ],
        }),
      ],
      changes: [{ issue: { id: 'berths', label: 'Berths' }, before: 'blocked', after: 'one-sided' }],
    };

    it('shows the what-if, the ranked table, and each issue with its key positions and quotes', () => {
      const text = formatReport(report, { width: 80 });
      assert.match(text, /^Common ground in “Harbour access talks” \(harbour-talks\)\n/);
      assert.match(text, /What-if, with these positions set aside:\n {2}- Northport: red line – No berths/);
      assert.match(text, /Verdicts that change:\n {2}- Berths: blocked → one-sided/);
      assert.match(text, / {2}- {2}Berths +blocked +Ten berths \(Southbay × Northport\)/);
      assert.match(text, /Berths: BLOCKED\n {3}Southbay wants ten berths; Northport says no\./);
      assert.match(
        text,
        /• red line, high: no summary\.\n {9}“no quoted\.”\n {11}— Ada North, Northport; The Harbour Gazette, 2024-05-03/,
      );
      for (const line of text.split('\n')) assert.ok(line.length <= 80, `too long: ${line}`);
    });

    it('takes the key positions of a blocked issue from its first collision', () => {
      assert.deepEqual(keyPositions(report.issues[0]!), ['ten', 'no']);
    });
  });

  describe('wrap', () => {
    it('breaks at words, indenting the first line and the rest as asked', () => {
      assert.deepEqual(wrap('one two three four', 9, '- ', '  '), ['- one two', '  three', '  four']);
    });
  });
});
