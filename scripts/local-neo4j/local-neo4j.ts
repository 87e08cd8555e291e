/**
 * Starts and stops a local Neo4j Community server for `npm start` and `npm test`.
 * Each instance has its own folder (configuration, data, logs) and Bolt port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { ensureInstalled } from './install.ts';
import { installed, recipe } from './paths.ts';

export interface LocalNeo4jOptions {
  /** Folder for this instance's configuration, data and logs. */
  dir: string;
  boltPort: number;
  /** Password of the `neo4j` user, set on the first start of a new data folder. */
  password: string;
  heap?: string;
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before it kills the server outright. */
  stopGraceMs?: number;
  /** Aborting it while the server starts stops the server and rejects the start. */
  signal?: AbortSignal;
}

export interface Neo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  logFile: string;
  /** The Java process's id. */
  pid: number;
  /** Settles when the Java process has ended, for whatever reason. */
  exited: Promise<Neo4jExit>;
  /** Stops the server (SIGTERM, then SIGKILL after the grace period). Safe to call twice. */
  stop(): Promise<void>;
}

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

const DEFAULT_USER = 'neo4j';
const INITIAL_PASSWORD = 'neo4j';

function writeConfig(dir: string, boltPort: number): string {
  const confDir = path.join(dir, 'conf');
  mkdirSync(confDir, { recursive: true });
  const instanceLines = [
    '',
    '# This instance (written by local-neo4j.ts).',
    `server.bolt.listen_address=127.0.0.1:${boltPort}`,
    `server.directories.data=${path.join(dir, 'data')}`,
    `server.directories.logs=${path.join(dir, 'logs')}`,
    `server.directories.run=${path.join(dir, 'run')}`,
    `server.directories.import=${path.join(dir, 'import')}`,
  ];
  writeFileSync(
    path.join(confDir, 'neo4j.conf'),
    `${readFileSync(recipe.baseConfig, 'utf8')}${instanceLines.join('\n')}\n`,
  );
  return confDir;
}

/** A TCP port on loopback that nothing listens on right now (for throwaway instances and test servers). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () =>
      reject(
        new LocalNeo4jError(
          `port ${port} on 127.0.0.1 is already in use, so the local Neo4j cannot listen there. ` +
            'Stop whatever holds it (another Neo4j?), choose another port with NEO4J_BOLT_PORT, ' +
            'or set NEO4J_URI to use a Neo4j that is already running.',
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/**
 * Resolves when the log says the server has started; rejects if the process ends first, time runs out,
 * or the start is aborted.
 */
function waitUntilStarted(
  child: ChildProcess,
  logFile: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const tail = () => seen.split('\n').slice(-15).join('\n');
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new LocalNeo4jError(`Neo4j did not start within ${timeoutMs / 1000} s. Last lines of ${logFile}:\n${tail()}`),
      );
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-20_000);
      if (/\bINFO\s+Started\./.test(seen)) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(
        new LocalNeo4jError(
          `Neo4j exited while starting (${signal ?? `exit code ${code}`}). Last lines of ${logFile}:\n${tail()}`,
        ),
      );
    };
    const onAbort = () => {
      cleanup();
      reject(new LocalNeo4jError('the start of the local Neo4j was cancelled'));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      signal?.removeEventListener('abort', onAbort);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** On a new data folder the `neo4j` user still has the initial password and must change it first. */
async function setInitialPassword(uri: string, password: string): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(DEFAULT_USER, INITIAL_PASSWORD));
  const session = driver.session({ database: 'system' });
  try {
    await session.run('ALTER CURRENT USER SET PASSWORD FROM $current TO $password', {
      current: INITIAL_PASSWORD,
      password,
    });
  } finally {
    await session.close();
    await driver.close();
  }
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const { dir, boltPort, password, heap = '512m', startTimeoutMs = 120_000, stopGraceMs = 5_000, signal } = options;
  const jars = ensureInstalled();
  await assertPortFree(boltPort);

  const confDir = writeConfig(dir, boltPort);
  const logDir = path.join(dir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'console.log');
  // Users live in the system database: until it exists, `neo4j` has the initial password.
  const isNewStore = !existsSync(path.join(dir, 'data', 'databases', 'system'));

  const classpath = [installed.launcherClasses, ...jars].join(path.delimiter);
  const child = spawn(
    'java',
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      `@${recipe.jvmOptions}`,
      '-cp',
      classpath,
      'Launcher',
      `--home-dir=${dir}`,
      `--config-dir=${confDir}`,
      '--console-mode',
    ],
    // stdin stays an open pipe: the launcher exits when it closes (see Launcher.java). Its own process
    // group keeps a terminal's Ctrl-C, sent to the whole foreground group, from stopping Neo4j while
    // the app is still draining its requests: the app stops it afterwards.
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  const exited = new Promise<Neo4jExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
        await exited;
        clearTimeout(killer);
      }
      log.end();
    })();
    return stopping;
  };

  try {
    await waitUntilStarted(child, logFile, startTimeoutMs, signal);
    const uri = `bolt://127.0.0.1:${boltPort}`;
    if (isNewStore) await setInitialPassword(uri, password);
    return { uri, user: DEFAULT_USER, password, logFile, pid: child.pid ?? -1, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
