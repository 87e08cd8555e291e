import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HARBOUR_FILE } from '../_datasets.ts';
import { runLoadCli } from '../_load-cli.ts';

const USAGE = /usage: npm run load -- \[--replace\] \[--check\] \[--batch-size n\] <dataset file>/;

describe('npm run load, without a database', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--check validates a file, writes nothing and exits 0', () => {
    // No database is reachable at this address: --check never connects.
    const run = runLoadCli(['--check', HARBOUR_FILE], { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:9' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${HARBOUR_FILE}: valid, negotiation "harbour-talks" (21 nodes); nothing was written\n`);
  });

  it('exits 2 with every problem of an invalid file, without a stack trace', () => {
    const file = path.join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from(readFileSync(HARBOUR_FILE, 'utf8').replace('Harbour', 'Hárbour'), 'latin1'));
    const run = runLoadCli(['--check', file]);
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      new RegExp(`^${file} has 1 problem; nothing was loaded:\\n  ${file}:\\d+:\\d+: is not valid UTF-8`),
    );
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it('exits 2 with the usage for wrong arguments', () => {
    for (const args of [[], ['--bogus', HARBOUR_FILE], ['--batch-size', '0', HARBOUR_FILE]]) {
      const run = runLoadCli(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, USAGE);
    }
  });

  it('exits 2 when two files are the same negotiation', () => {
    const run = runLoadCli(['--check', HARBOUR_FILE, HARBOUR_FILE]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /are both negotiation "harbour-talks"; nothing was loaded/);
  });
});
