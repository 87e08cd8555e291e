import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { LocalNeo4jError, startLocalNeo4j } from '../../scripts/local-neo4j/local-neo4j.ts';
import { freePort } from '../_net.ts';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('local Neo4j', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-local-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops when the process that started it is killed outright', async () => {
    const port = await freePort();
    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/fixtures/start-local-neo4j.ts', dir, String(port)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const pid = await new Promise<number>((resolve, reject) => {
      let out = '';
      parent.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /neo4j-pid (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      parent.once('exit', (code) => reject(new Error(`the fixture exited with ${code} before Neo4j started`)));
    });
    assert.ok(isRunning(pid), 'Neo4j runs while its parent does');

    parent.kill('SIGKILL');
    assert.ok(await waitUntil(() => !isRunning(pid), 30_000), `Neo4j (pid ${pid}) outlived its parent`);
  });

  it('stops a start that is cancelled, leaving no Java process behind', async () => {
    const cancel = new AbortController();
    const starting = startLocalNeo4j({
      dir,
      boltPort: await freePort(),
      password: 'fixture-password',
      signal: cancel.signal,
    });
    // Cancelled once the Java process exists (its log file is written from the start).
    assert.ok(await waitUntil(() => existsSync(path.join(dir, 'logs', 'console.log')), 30_000));
    cancel.abort();
    await assert.rejects(starting, (error: unknown) => {
      assert.ok(error instanceof LocalNeo4jError);
      assert.match(error.message, /cancelled/);
      return true;
    });
    const launchers = () =>
      readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .filter((pid) => {
          try {
            return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--home-dir=${dir}`);
          } catch {
            return false;
          }
        });
    assert.deepEqual(launchers(), [], 'no Neo4j runs in the folder');
  });

  it('says which port is taken when it cannot listen', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await assert.rejects(startLocalNeo4j({ dir, boltPort: port, password: 'fixture-password' }), (error: unknown) => {
        assert.ok(error instanceof LocalNeo4jError);
        assert.match(error.message, new RegExp(`port ${port} on 127.0.0.1 is already in use`));
        assert.match(error.message, /NEO4J_BOLT_PORT/);
        return true;
      });
    } finally {
      blocker.close();
    }
  });
});
