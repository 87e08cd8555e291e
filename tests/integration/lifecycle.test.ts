import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { DEVELOPMENT_PASSWORD } from '../../server/src/config.ts';
import { testEnvironment } from '../_neo4j.ts';
import { freePort } from '../_net.ts';

/** Runs an entry point that is expected to stop by itself; returns its exit code and what it printed to stderr. */
async function runToExit(entry: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; errors: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, errors };
}

describe('npm start (scripts/start.ts)', function () {
  this.timeout(60_000);

  it('serves the app and shuts down cleanly on SIGINT', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, ...testEnvironment({ PORT: String(port), LOG_LEVEL: 'info' }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.status,
        () => 0,
      );
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(status, 200, `the app did not answer; it printed:\n${output}`);

    const signalled = Date.now();
    child.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.ok(Date.now() - signalled < 10_000, 'shut down within seconds');
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.ok(
      lines.some((line) => line.msg === 'Common Ground is serving'),
      'logs are structured JSON',
    );
    assert.ok(lines.some((line) => line.msg === 'shutting down' && line.reason === 'SIGINT'));
  });

  it('refuses the development password when NEO4J_URI is set, saying how to set another', async () => {
    const { code, errors } = await runToExit('server/src/main.ts', {
      ...testEnvironment(),
      NEO4J_PASSWORD: DEVELOPMENT_PASSWORD,
    });
    assert.equal(code, 2);
    assert.match(errors, /NEO4J_PASSWORD is the development password, which is refused in production/);
    assert.match(errors, /set NEO4J_PASSWORD to your Neo4j's password/);
  });

  it('stops at once with a message naming each wrong variable', async () => {
    const { code, errors } = await runToExit('scripts/start.ts', { PORT: 'eighty', LOG_LEVEL: 'chatty' });
    assert.equal(code, 2);
    assert.match(errors, /Configuration error:/);
    assert.match(errors, /PORT must be a port number \(got "eighty"\)/);
    assert.match(errors, /LOG_LEVEL must be one of/);
    assert.doesNotMatch(errors, /\s+at\s+/, 'no stack trace');
  });
});
