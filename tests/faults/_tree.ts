/**
 * The process tree of `npm start` for the fault tests: npm → node (the app; tsx's esbuild beside it)
 * → java (the local Neo4j), each tree with its own ports and a copy of a data folder seeded once per
 * run, so that a test may kill anything in it without touching the suite's Neo4j. Linux only: processes
 * are found and checked through /proc.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j } from '../../scripts/local-neo4j/local-neo4j.ts';
import { readConfig } from '../../server/src/config.ts';
import { createLogger } from '../../server/src/logger.ts';
import { startServer } from '../../server/src/server.ts';
import { freePort } from '../_net.ts';

export const STORE_PASSWORD = 'fault-tests-password';

export interface LogLine {
  time: number;
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** Polls until the condition holds; false if it still does not after timeoutMs. */
export async function waitUntil(condition: () => boolean, timeoutMs: number, everyMs = 25): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return condition();
}

/** The fields of /proc/<pid>/stat after the command name: [state, ppid, …]; undefined once it is gone. */
function stat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** A zombie (ended, not yet reaped by its parent) counts as gone. */
export function isAlive(pid: number): boolean {
  const state = stat(pid)?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => stat(child)?.[1] === String(pid) && isAlive(child));
}

let seeded: Promise<string> | undefined;

/** A data folder with the password set and the bundled dataset loaded, made once per run. */
function seededStore(): Promise<string> {
  seeded ??= (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-faults-seed-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const local = await startLocalNeo4j({ dir, boltPort: await freePort(), password: STORE_PASSWORD });
    try {
      const config = readConfig({
        NEO4J_URI: local.uri,
        NEO4J_PASSWORD: STORE_PASSWORD,
        PORT: String(await freePort()),
      });
      await (await startServer(config, createLogger('silent'))).close();
    } finally {
      await local.stop();
    }
    return dir;
  })();
  return seeded;
}

export interface AppTree {
  url: string;
  /** The local Neo4j's data folder (a copy of the seeded store). */
  dir: string;
  /** The process the test spawned: npm, or the app itself. */
  top: ChildProcess;
  npm: number | undefined;
  app: number;
  /** The local Neo4j's process; 0 for `remote`. */
  neo4j: number;
  /** tsx's esbuild service, a child of the app. */
  esbuild: number[];
  logs: LogLine[];
  /** When the spawned process exited, with how. */
  exited: Promise<{ at: number; code: number | null; signal: NodeJS.Signals | null }>;
  waitForLog(match: (line: LogLine) => boolean, timeoutMs: number): Promise<LogLine>;
  /** Every process of the tree still alive. */
  alive(): number[];
  /** Kills what is left (by pid) and removes the data folder. */
  dispose(): Promise<void>;
}

export interface TreeOptions {
  /**
   * `npm start` (the default); the app's own process, as a supervisor such as systemd would run it;
   * or the app alone against `neo4j` (NEO4J_URI, in production mode), as in the container image.
   */
  via?: 'npm' | 'app' | 'remote';
  /** For `remote`: the Neo4j to use. */
  neo4j?: { uri: string; password: string };
}

/** Starts `npm start` (without the client build) on free ports with a copy of the seeded store. */
export async function startAppTree({ via = 'npm', neo4j }: TreeOptions = {}): Promise<AppTree> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-faults-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(NEO4J_|TEST_NEO4J_|npm_|NODE_ENV$)/.test(name)),
  );
  Object.assign(env, { PORT: String(port), LOG_LEVEL: 'info' });
  if (via === 'remote') {
    Object.assign(env, { NODE_ENV: 'production', NEO4J_URI: neo4j?.uri, NEO4J_PASSWORD: neo4j?.password });
  } else {
    cpSync(await seededStore(), dir, { recursive: true });
    Object.assign(env, {
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_DATA_DIR: dir,
      NEO4J_PASSWORD: STORE_PASSWORD,
    });
  }
  // Its own process group, as a terminal gives a command: Ctrl-C signals the whole group.
  const options = { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true } satisfies SpawnOptions;
  const entry = via === 'app' ? 'scripts/start.ts' : 'server/src/main.ts';
  const top =
    via === 'npm'
      ? // --ignore-scripts skips prestart (the client build), not start itself.
        spawn('npm', ['start', '--ignore-scripts', '--silent'], options)
      : spawn(process.execPath, ['--import', 'tsx', entry], options);
  const logs: LogLine[] = [];
  let output = '';
  let partial = '';
  top.stdout?.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        output += `${line}\n`;
      }
    }
  });
  top.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ at: number; code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    top.once('exit', (code, signal) => resolve({ at: Date.now(), code, signal })),
  );

  const waitForLog = async (match: (line: LogLine) => boolean, timeoutMs: number) => {
    if (!(await waitUntil(() => logs.some(match), timeoutMs))) {
      const seen = logs.map((line) => line.msg).join(' | ');
      throw new Error(`no such log line within ${timeoutMs} ms; seen: ${seen}; other output: ${output}`);
    }
    return logs.find(match) as LogLine;
  };

  const pids: number[] = [];
  const tree: AppTree = {
    url: `http://127.0.0.1:${port}`,
    dir,
    top,
    npm: via === 'npm' ? top.pid : undefined,
    app: 0,
    neo4j: 0,
    esbuild: [],
    logs,
    exited,
    waitForLog,
    alive: () => [...new Set([...pids, tree.app, tree.neo4j, ...tree.esbuild])].filter((pid) => pid && isAlive(pid)),
    async dispose() {
      for (const pid of tree.alive()) process.kill(pid, 'SIGKILL');
      await waitUntil(() => tree.alive().length === 0, 5_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (top.pid) pids.push(top.pid);
  try {
    const serving = await waitForLog((line) => line.msg === 'Common Ground is serving', 90_000);
    tree.app = Number(serving.pid);
    if (via !== 'remote') {
      tree.neo4j = Number((await waitForLog((line) => line.msg === 'local Neo4j started', 0)).neo4jPid);
    }
    tree.esbuild = childrenOf(tree.app).filter((pid) => pid !== tree.neo4j);
  } catch (error) {
    await tree.dispose();
    throw error;
  }
  return tree;
}

export interface Sample {
  started: number;
  ended: number;
  status?: number;
  retryAfter?: string | null;
  problemType?: string;
  error?: string;
}

/** One request, with what came back (or why nothing did). */
export async function sample(url: string, timeoutMs: number): Promise<Sample> {
  const started = Date.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    const problemType = response.status >= 400 ? (JSON.parse(body) as { type?: string }).type : undefined;
    return {
      started,
      ended: Date.now(),
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      problemType,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { started, ended: Date.now(), error: cause?.code ?? (error as Error).name };
  }
}

export interface Load {
  samples: Sample[];
  /** Stops the clients and returns every sample. */
  stop(): Promise<Sample[]>;
}

/** Clients that request `url` one after another until stopped. */
export interface LoadOptions {
  clients: number;
  timeoutMs: number;
  /** After a 503, wait as its Retry-After says, or this many ms (a client more eager than it asks). */
  after503: 'retry-after' | number;
}

export function startLoad(url: string, options: LoadOptions): Load {
  const samples: Sample[] = [];
  let running = true;
  let wake: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const pause = (ms: number) => Promise.race([new Promise((resolve) => setTimeout(resolve, ms)), stopped]);
  const client = async () => {
    while (running) {
      const result = await sample(url, options.timeoutMs);
      samples.push(result);
      if (result.status !== 503) await pause(20);
      else if (options.after503 === 'retry-after') await pause(Number(result.retryAfter ?? 1) * 1000);
      else await pause(options.after503);
    }
  };
  const clients = Array.from({ length: options.clients }, client);
  return {
    samples,
    async stop() {
      running = false;
      wake();
      await Promise.all(clients);
      return samples;
    },
  };
}

/** Mocha hooks for a test that starts a tree and runs load on it: both are stopped after each test. */
export function useFaultFixture() {
  let tree: AppTree | undefined;
  let load: Load | undefined;
  afterEach(async () => {
    await load?.stop();
    await tree?.dispose();
    tree = load = undefined;
  });
  return {
    async startTree(options?: TreeOptions): Promise<AppTree> {
      tree = await startAppTree(options);
      return tree;
    },
    startLoad(url: string, options: LoadOptions): Load {
      load = startLoad(url, options);
      return load;
    },
  };
}

/** Prints a figure for the report, below the test's name. */
export function report(what: string, figures: Record<string, unknown>): void {
  console.log(`      ${what}: ${JSON.stringify(figures)}`);
}
