import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDataset, readDataset } from '../../server/src/dataset/parse.ts';
import { DatasetError, type DatasetProblem } from '../../server/src/dataset/problems.ts';
import { HARBOUR_FILE, harbourTalks, toYaml } from '../_datasets.ts';

/** The problems reported for a document, each checked to point at a line that holds the offending key. */
function problemsOf(text: string): DatasetProblem[] {
  try {
    parseDataset(text, 'talks.yaml');
  } catch (error) {
    assert.ok(error instanceof DatasetError, `expected a DatasetError, got ${error}`);
    assert.match(error.message, /^talks\.yaml has \d+ problems?; nothing was loaded:/);
    return error.problems;
  }
  assert.fail('expected the dataset to be refused');
}

function onlyProblem(data: unknown): DatasetProblem {
  const text = toYaml(data);
  const problems = problemsOf(text);
  assert.equal(problems.length, 1, `expected one problem, got:\n${problems.map((p) => p.message).join('\n')}`);
  const [problem] = problems as [DatasetProblem];
  assert.equal(problem.file, 'talks.yaml');
  assert.ok(problem.line, 'the problem has a line');
  const key = problem.path
    .split(/[.[\]]/)
    .filter(Boolean)
    .pop();
  const line = text.split('\n')[problem.line - 1] ?? '';
  if (key && !/^\d+$/.test(key)) assert.match(line, new RegExp(`${key}:`), `line ${problem.line} is "${line}"`);
  return problem;
}

describe('dataset validation', () => {
  it('accepts the example negotiation', () => {
    const data = readDataset(HARBOUR_FILE);
    assert.equal(data.negotiation.id, 'harbour-talks');
    assert.equal(data.positions.length, 4);
  });

  it('accepts the complete example of docs/dataset-format.md', () => {
    const doc = readFileSync('docs/dataset-format.md', 'utf8');
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    const example = blocks.at(-1) ?? '';
    assert.equal(parseDataset(example, 'docs/dataset-format.md').negotiation.id, 'harbour-talks');
  });

  it('reports an unknown key with the keys it expected', () => {
    const data = harbourTalks() as unknown as { issues: Array<Record<string, unknown>> };
    (data.issues[1] as Record<string, unknown>).colour = 'red';
    const problem = onlyProblem(data);
    assert.equal(problem.path, 'issues[1].colour');
    assert.match(problem.message, /unknown key "colour" \(expected one of: id, label, summary, options\)/);
  });

  it('reports a missing field', () => {
    const data = harbourTalks();
    delete (data.positions[0] as Partial<(typeof data.positions)[0]>).summary;
    const problem = onlyProblem(data);
    assert.equal(problem.path, 'positions[0]');
    assert.match(problem.message, /missing field "summary"/);
  });

  it('reports a position on an issue that does not exist, naming the issues that do', () => {
    const data = harbourTalks();
    data.positions[2]!.issue = 'night-fshing';
    const problem = onlyProblem(data);
    assert.equal(problem.path, 'positions[2].issue');
    assert.match(problem.message, /unknown issue "night-fshing" \(known issue ids: berths, night-fishing\)/);
  });

  it('reports a statement by an unknown person', () => {
    const data = harbourTalks();
    data.statements[1]!.speaker = 'ada';
    const problem = onlyProblem(data);
    assert.equal(problem.path, 'statements[1].speaker');
    assert.match(problem.message, /unknown person "ada"/);
  });

  it('reports an option that belongs to another issue', () => {
    const data = harbourTalks();
    data.positions[0]!.for = ['night-ban'];
    const problem = onlyProblem(data);
    assert.equal(problem.path, 'positions[0].for[0]');
    assert.match(
      problem.message,
      /option "night-ban" belongs to issue "night-fishing", not to this position's issue "berths"/,
    );
  });

  it('reports references to unknown positions, sources and sides', () => {
    const data = harbourTalks();
    data.positions[1]!.rejects = ['south-wants-everything'];
    data.statements[0]!.source = 'tribune';
    data.parties[0]!.side = 'east';
    const problems = problemsOf(toYaml(data)).map((p) => `${p.path}: ${p.message}`);
    assert.deepEqual(
      problems.map((p) => p.replace(/ \(known.*\)$/, '')),
      [
        'parties[0].side: unknown side "east"',
        'positions[1].rejects[0]: unknown position "south-wants-everything"',
        'statements[0].source: unknown source "tribune"',
      ],
    );
  });

  it('reports a duplicate id with where it was first used', () => {
    const data = harbourTalks();
    data.issues[1]!.options[0]!.id = 'ten-berths';
    const problems = problemsOf(toYaml(data));
    assert.ok(
      problems.some(
        (p) =>
          p.path === 'issues[1].options[0].id' &&
          /duplicate id "ten-berths": already used by issues\[0\]\.options\[0\]/.test(p.message),
      ),
      problems.map((p) => p.message).join('\n'),
    );
  });

  it('reports a date that is not a real day, and one in the wrong format', () => {
    const data = harbourTalks();
    data.sources[0]!.date = '2024-02-30';
    data.events[0]!.date = '2 May 2024';
    const problems = problemsOf(toYaml(data));
    assert.deepEqual(
      problems.map((p) => [p.path, p.message]),
      [
        ['events[0].date', '"2 May 2024" is not a date (expected YYYY-MM-DD, a real day)'],
        ['sources[0].date', '"2024-02-30" is not a date (expected YYYY-MM-DD, a real day)'],
      ],
    );
  });

  it('reports a position held since after it was stated', () => {
    const data = harbourTalks();
    data.positions[0]!.since = '2024-06-01';
    const problem = onlyProblem(data);
    assert.equal(problem.path, 'positions[0].since');
    assert.match(problem.message, /held since 2024-06-01, after it was stated \(2024-05-02\)/);
  });

  it('reports a position that no statement evidences', () => {
    const data = harbourTalks();
    data.statements = data.statements.filter((s) => s.id !== 'ada-night');
    const problem = onlyProblem(data);
    assert.equal(problem.path, 'positions[2].id');
    assert.match(problem.message, /no statement evidences position "north-offers-night-ban"/);
  });

  it('reports a statement with neither speaker nor party', () => {
    const data = harbourTalks();
    delete data.statements[3]!.party;
    const problem = onlyProblem(data);
    assert.equal(problem.path, 'statements[3]');
    assert.match(problem.message, /needs a "speaker" \(person id\) or a "party"/);
  });

  it('reports wrong types and bad ids', () => {
    const data = harbourTalks() as unknown as Record<string, Array<Record<string, unknown>>>;
    data.positions![0]!.holders = 'southbay';
    data.parties![2]!.id = 'Fishers Guild';
    const problems = problemsOf(toYaml(data)).map((p) => [p.path, p.message]);
    assert.deepEqual(problems, [
      [
        'parties[2].id',
        '"Fishers Guild" is not an id (lower-case letters and digits in words joined by single hyphens.)',
      ],
      ['positions[0].holders', 'expected a list, got string "southbay"'],
    ]);
  });

  it('reports several problems together, in the order of the file', () => {
    const data = harbourTalks();
    data.positions[2]!.kind = 'offr' as never;
    data.statements[2]!.speaker = 'ada';
    data.negotiation.date = 'soon';
    const problems = problemsOf(toYaml(data));
    assert.deepEqual(
      problems.map((p) => p.path),
      ['negotiation.date', 'positions[2].kind', 'statements[2].speaker'],
    );
    const lines = problems.map((p) => p.line ?? 0);
    assert.deepEqual(
      [...lines].sort((a, b) => a - b),
      lines,
    );
  });

  it('reports YAML that does not parse with its line', () => {
    const problems = problemsOf('negotiation:\n  id: x\n  title: [unclosed\n');
    assert.equal(problems.length >= 1, true);
    assert.match(problems[0]!.message, /^not valid YAML: /);
    assert.ok(problems[0]!.line && problems[0]!.line >= 3);
  });

  it('reports a key given twice', () => {
    const problems = problemsOf(`${toYaml(harbourTalks())}negotiation: {}\n`);
    assert.match(problems[0]!.message, /not valid YAML: Map keys must be unique/);
  });

  it('lists the first 50 problems of a file that has more, and counts the rest', () => {
    const data = harbourTalks();
    for (let i = 0; i < 60; i++) data.parties.push({ ...data.parties[0]!, id: `party-${i}`, side: 'nowhere' });
    const error = (() => {
      try {
        parseDataset(toYaml(data), 'talks.yaml');
      } catch (e) {
        return e as DatasetError;
      }
      assert.fail('expected a refusal');
    })();
    assert.equal(error.problems.length, 60);
    const lines = error.message.split('\n');
    assert.equal(lines.length, 1 + 50 + 1);
    assert.equal(lines.at(-1), '  … and 10 more');
  });

  it('reports a file that cannot be read', () => {
    assert.throws(
      () => readDataset('data/no-such-file.yaml'),
      (error: unknown) => {
        assert.ok(error instanceof DatasetError);
        assert.match(error.message, /data\/no-such-file\.yaml: cannot be read: ENOENT/);
        return true;
      },
    );
  });
});
