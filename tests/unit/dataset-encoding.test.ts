import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_FILE_BYTES, parseDataset, readDataset } from '../../server/src/dataset/parse.ts';
import { DatasetError, type DatasetProblem } from '../../server/src/dataset/problems.ts';
import { HARBOUR_FILE } from '../_datasets.ts';

const harbour = readFileSync(HARBOUR_FILE, 'utf8');

describe('dataset files that are not clean UTF-8 text', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-encoding-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The one problem reported for a file of these bytes (its name is in the message). */
  function refusal(bytes: Buffer | string, name = 'talks.yaml'): DatasetProblem & { text: string } {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    try {
      readDataset(file);
    } catch (error) {
      assert.ok(error instanceof DatasetError, `expected a DatasetError, got ${error}`);
      assert.ok(error.message.startsWith(`${file} has `), error.message);
      return { ...(error.problems[0] as DatasetProblem), text: error.message };
    }
    assert.fail('expected the file to be refused');
  }

  it('refuses a Latin-1 file, naming the first bad byte with its line and column', () => {
    const text = harbour.replace('Harbour access talks', 'Harbour access talks in Sète');
    const line = text.split('\n').findIndex((l) => l.includes('Sète')) + 1;
    const problem = refusal(Buffer.from(text, 'latin1'));
    assert.equal(problem.line, line);
    assert.equal(problem.column, text.split('\n')[line - 1]!.indexOf('è') + 1);
    assert.match(problem.message, /is not valid UTF-8: byte 0xE8 .*Latin-1 it would be "è".*save it as UTF-8/);
  });

  it('finds the bad byte after a U+FFFD that the file really contains', () => {
    const bytes = Buffer.concat([Buffer.from('negotiation:\n  title: "\uFFFD ok ', 'utf8'), Buffer.from([0xff, 0x0a])]);
    const problem = refusal(bytes);
    assert.deepEqual([problem.line, problem.column], [2, 16]);
    assert.match(problem.message, /byte 0xFF/);
  });

  it('refuses UTF-16 and UTF-32 files by their byte-order marks, and UTF-16 without one', () => {
    const cases: Array<[Buffer, RegExp]> = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(harbour, 'utf16le')]), /UTF-16 \(little-endian\)/],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(harbour, 'utf16le').swap16()]), /UTF-16 \(big-endian\)/],
      [Buffer.from([0xff, 0xfe, 0, 0, 0x6e, 0, 0, 0]), /UTF-32 \(little-endian\)/],
      [Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x6e]), /UTF-32 \(big-endian\)/],
      [Buffer.from(harbour, 'utf16le'), /UTF-16 without a byte-order mark/],
    ];
    for (const [bytes, encoding] of cases) {
      const problem = refusal(bytes);
      assert.match(problem.message, encoding);
      assert.match(problem.message, /save it as UTF-8$/);
    }
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const file = path.join(dir, 'bom.yaml');
    writeFileSync(file, `\uFEFF${harbour}`);
    assert.equal(readDataset(file).negotiation.id, 'harbour-talks');
  });

  it('refuses a NUL character and other control characters where they are written', () => {
    const lines = harbour.split('\n');
    const at = lines.findIndex((l) => l.includes('Not one berth.'));
    lines[at] = lines[at]!.replace('Not one berth.', 'Not one\0 berth.\x1b[2J');
    const problems = (() => {
      try {
        parseDataset(lines.join('\n'), 'talks.yaml');
      } catch (error) {
        assert.ok(error instanceof DatasetError);
        return error.problems;
      }
      assert.fail('expected a refusal');
    })();
    assert.deepEqual(
      problems.map((p) => [p.line, p.column, p.message]),
      [
        [at + 1, lines[at]!.indexOf('\0') + 1, 'a NUL character (U+0000) has no place in a dataset'],
        [at + 1, lines[at]!.indexOf('\x1b') + 1, 'a control character (U+001B) has no place in a dataset'],
      ],
    );
  });

  it('refuses control characters written as escapes, at the value that holds them', () => {
    const text = harbour.replace('quote: Not one berth.', 'quote: "Not one\\0 berth."');
    const problem = refusal(text);
    assert.equal(problem.path, 'statements[1].quote');
    assert.equal(problem.line, text.split('\n').findIndex((l) => l.includes('Not one')) + 1);
    assert.match(problem.message, /a NUL character \(U\+0000\) has no place in a dataset/);
  });

  it('keeps tabs, line feeds and carriage returns', () => {
    const text = harbour
      .replace('summary: Two fishing towns', 'summary: "Two\\tfishing towns')
      .replace('a shared harbour.', 'a shared harbour."');
    assert.equal(parseDataset(text.replaceAll('\n', '\r\n'), 'talks.yaml').negotiation.summary?.includes('\t'), true);
  });

  it('refuses an alias bomb at once, in little memory, with where it starts', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (const [name, previous] of [...'bcdefghijk'].map((n, i) => [n, 'abcdefghijk'[i]])) {
      bomb += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    }
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const problem = refusal(bomb);
    assert.ok(performance.now() - started < 2_000, 'refused within 2 s');
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 100 * 2 ** 20, 'in less than 100 MB');
    assert.deepEqual([problem.line, problem.column], [2, 8]);
    assert.match(problem.message, /alias bomb \("billion laughs"\)/);
    assert.doesNotMatch(problem.text, /\n\s+at /, 'no stack trace');
  });

  it('still reads a few aliases', () => {
    const text = harbour
      .replace('    holders: [southbay]\n    issue: berths', '    holders: &south [southbay]\n    issue: berths')
      .replace('    holders: [southbay]\n    issue: night-fishing', '    holders: *south\n    issue: night-fishing');
    assert.notEqual(text, harbour);
    assert.deepEqual(parseDataset(text, 'talks.yaml').positions[3]?.holders, ['southbay']);
  });

  it('refuses a file larger than the limit before reading it', () => {
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, MAX_FILE_BYTES + 2 ** 20); // sparse: nothing is written
    assert.throws(() => readDataset(file), /huge\.yaml: is 33\.0 MiB, more than the 32\.0 MiB a dataset file may have/);
  });

  it('refuses a folder', () => {
    assert.throws(() => readDataset(dir), /: is not a file/);
  });

  it('reports deeply nested YAML as a problem, not a crash', () => {
    const problem = refusal(`negotiation: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    assert.ok(problem.message.length > 0);
  });
});
