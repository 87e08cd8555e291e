import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { stringify } from 'yaml';
import { generateNegotiation, MIN_NODES } from '../../scripts/synthetic/generate.ts';
import { parseDataset } from '../../server/src/dataset/parse.ts';
import type { Dataset } from '../../server/src/dataset/types.ts';

/** Nodes the loader makes of a dataset: one per thing in it, options included, and the Negotiation. */
function nodesOf(data: Dataset): number {
  const options = data.issues.reduce((sum, issue) => sum + issue.options.length, 0);
  const { parties, people, events, sources, issues, positions, statements } = data;
  return (
    1 + options + [parties, people, events, sources, issues, positions, statements].reduce((a, l) => a + l.length, 0)
  );
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('the synthetic negotiation generator', () => {
  it('makes exactly the number of nodes asked for, and a valid dataset', () => {
    for (const nodes of [MIN_NODES, 137, 1_000, 10_000]) {
      const data = generateNegotiation({ nodes });
      assert.equal(nodesOf(data), nodes, `${nodes} nodes`);
      // Through the same validation as `npm run load`.
      const parsed = parseDataset(stringify(data), `synthetic-${nodes}.yaml`);
      assert.equal(parsed.negotiation.id, `synthetic-${nodes}`);
    }
  });

  it('is the same for the same seed and different for another', () => {
    const a = stringify(generateNegotiation({ nodes: 2_000, seed: 3 }));
    assert.equal(stringify(generateNegotiation({ nodes: 2_000, seed: 3 })), a);
    assert.notEqual(stringify(generateNegotiation({ nodes: 2_000, seed: 4 })), a);
  });

  it('has the shape of a real negotiation: sides, issues with options, answered positions, evidence', () => {
    const data = generateNegotiation({ nodes: 10_000, sides: 3 });
    assert.equal(data.sides.length, 3);
    const sides = new Set(data.parties.map((p) => p.side).filter(Boolean));
    assert.equal(sides.size, 3, 'parties on every side');
    assert.ok(
      data.parties.some((p) => !p.side),
      'and some concerned parties',
    );
    assert.ok(mean(data.issues.map((i) => i.options.length)) >= 2.5, 'issues have several options');
    const links = (field: 'for' | 'against' | 'counters' | 'rejects' | 'conditionalOn') =>
      data.positions.filter((p) => (p[field]?.length ?? 0) > 0).length / data.positions.length;
    assert.ok(links('for') > 0.5 && links('against') > 0.3, 'positions are for and against options');
    for (const field of ['counters', 'rejects', 'conditionalOn'] as const) assert.ok(links(field) > 0.03, field);
    const perPosition = new Map<string, number>();
    for (const s of data.statements) for (const p of s.positions) perPosition.set(p, (perPosition.get(p) ?? 0) + 1);
    assert.equal(perPosition.size, data.positions.length, 'every position evidenced');
    assert.ok(mean([...perPosition.values()]) > 3, 'by several statements each');
    assert.ok(data.statements.filter((s) => s.speaker).length / data.statements.length > 0.5, 'mostly by a person');
    assert.ok(data.statements.filter((s) => s.event).length / data.statements.length > 0.5, 'mostly at an event');
    assert.equal(new Set(data.statements.map((s) => s.source)).size > data.sources.length / 2, true);
  });

  it('refuses sizes it cannot make', () => {
    assert.throws(() => generateNegotiation({ nodes: MIN_NODES - 1 }), RangeError);
    assert.throws(() => generateNegotiation({ nodes: 100, sides: 1 }), RangeError);
    assert.throws(() => generateNegotiation({ nodes: 1.5e3 + 0.5 }), RangeError);
  });

  it('writes YAML from the command line, and explains wrong arguments with status 2', () => {
    const run = (...args: string[]) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/synthetic/generate.ts', ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const text = run('--nodes', '300', '--sides', '2', '--seed', '9');
    assert.deepEqual(parseDataset(text, 'cli.yaml'), generateNegotiation({ nodes: 300, seed: 9 }));
    assert.throws(
      () => run('--nodes', '5'),
      (error: { status?: number; stderr?: string }) =>
        error.status === 2 && /--nodes must be an integer/.test(error.stderr ?? ''),
    );
  });
});
