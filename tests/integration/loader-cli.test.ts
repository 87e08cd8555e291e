import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { generateNegotiation } from '../../scripts/synthetic/generate.ts';
import { HARBOUR_FILE } from '../_datasets.ts';
import { runLoadCli } from '../_load-cli.ts';
import { testDriver, testEnvironment } from '../_neo4j.ts';

describe('npm run load', () => {
  let dir: string;
  const env = () => testEnvironment();
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-cli-'));
    await testDriver().executeQuery(
      "MATCH (n) WHERE n.negotiation = 'harbour-talks' OR n.id = 'harbour-talks' DETACH DELETE n",
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a new negotiation (0), refuses it again saying how to replace it (2), replaces it with --replace (0)', () => {
    const first = runLoadCli([HARBOUR_FILE], env());
    assert.equal(first.status, 0, first.stderr);
    assert.match(
      first.stdout,
      /^tests\/fixtures\/datasets\/harbour-talks\.yaml: loaded "harbour-talks" \(21 nodes, 42 relationships\) in [\d.]+ s\n$/,
    );

    const again = runLoadCli([HARBOUR_FILE], env());
    assert.equal(again.status, 2);
    assert.equal(
      again.stderr,
      `${HARBOUR_FILE}: negotiation "harbour-talks" is already in the database; nothing was loaded. ` +
        `To replace it: npm run load -- --replace ${HARBOUR_FILE}\n`,
    );

    const replaced = runLoadCli(['--replace', HARBOUR_FILE], env());
    assert.equal(replaced.status, 0, replaced.stderr);
    assert.match(replaced.stdout, /: replaced "harbour-talks" \(21 nodes, 42 relationships\)/);
  });

  it('prints its progress for a large file, then a summary', () => {
    const file = path.join(dir, 'large.yaml');
    writeFileSync(file, stringify(generateNegotiation({ nodes: 6_000, id: 'cli-large' })));
    const run = runLoadCli(['--replace', '--batch-size', '1000', file], env());
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stderr.trim().split('\n');
    assert.ok(lines.filter((l) => / of [\d,]+ rows written \(\w/.test(l)).length >= 5, run.stderr);
    assert.ok(lines.some((l) => l.endsWith(': publishing…')));
    assert.match(run.stdout, /: loaded "cli-large" \(6,000 nodes, [\d,]+ relationships\) in [\d.]+ s\n$/);
  });

  it('exits 1 with one line when the database refuses it', () => {
    const run = runLoadCli([HARBOUR_FILE], { ...env(), NEO4J_PASSWORD: 'not-the-password-of-this-database' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^cannot use Neo4j at bolt:\/\/[^ ]+: .*\n$/);
  });
});
