/**
 * The console's worker threads (console-worker.ts), one per query that may run at once: the pool is also
 * the console's limit on concurrent queries, overall and per client.
 *
 * The main thread keeps the time: at the console's timeout, or when the client goes away, it ends the
 * query's thread. That closes the thread's connection, which stops the query in Neo4j even where a
 * RESET does not (Neo4j writing a huge record to a reader that is still reading it; measured: 117 s
 * after a RESET, 0.1 s after the connection closed). A new thread takes the place, which is freed only
 * once the query's transaction is gone from Neo4j (SHOW TRANSACTIONS), so that work Neo4j cannot
 * interrupt never piles up beyond the limit.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../logger.ts';
import type { ConsoleJob, ConsoleWorkerData, FromWorker } from './console-protocol.ts';

const BOOT = new URL('./console-worker.boot.mjs', import.meta.url);
/** How often, and for how long at most, a stopped query's transaction is looked for. */
const GONE_POLL_MS = 200;
const GONE_WAIT_MS = 120_000;
/** An idle worker's thread ends after this; the next query starts a new one. */
const IDLE_MS = 5 * 60_000;

/** How a run ended: the worker's answer, or stopped by the main thread, or the thread died. */
export type RunOutcome =
  | Extract<FromWorker, { type: 'result' | 'problem' | 'failed' }>
  | { type: 'stopped' }
  | { type: 'abandoned' }
  | { type: 'crashed'; message: string };

export interface WorkerPoolOptions {
  data: ConsoleWorkerData;
  maxConcurrent: number;
  maxConcurrentPerClient: number;
  /** Whether a transaction tagged with this run is still known to Neo4j. */
  stillRunning(run: string): Promise<boolean>;
  logger?: Logger;
}

class ConsoleThread {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  exited = false;

  constructor(data: ConsoleWorkerData) {
    this.worker = new Worker(BOOT, {
      workerData: data,
      // The boot file registers its own loader. The process's flags are not passed on: a thread refuses
      // some of them (`--input-type`, `--expose-gc`), as a supervisor or a test may start the app with.
      execArgv: [],
      // Decoded rows stay within the byte budget; this caps what a misjudged record can cost the app.
      resourceLimits: { maxOldGenerationSizeMb: Math.max(128, Math.ceil((2 * data.maxBufferBytes) / 1_000_000)) },
    });
    this.worker.unref();
    this.worker.once('exit', () => {
      this.exited = true;
    });
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type !== 'ready') return;
        this.worker.off('message', onMessage);
        resolve();
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) =>
        reject(new Error(`the console worker stopped while starting (exit code ${code})`)),
      );
    });
    // A failure after start-up shows as an exit; without a listener it would be thrown in the main thread.
    this.worker.on('error', () => {});
  }
}

interface Slot {
  thread?: ConsoleThread;
  client?: string;
  idle?: NodeJS.Timeout;
}

export type Acquired = { lease: Lease } | { busy: 'client' | 'all' };

export interface Lease {
  /** Runs the job; the outcome comes at the latest at the job's timeout (then `stopped`). */
  run(job: ConsoleJob, signal?: AbortSignal): Promise<RunOutcome>;
}

export class ConsoleWorkerPool {
  readonly #slots: Slot[];
  readonly #perClient = new Map<string, number>();
  #closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    this.#slots = Array.from({ length: options.maxConcurrent }, () => ({}));
  }

  /** A place for one query of this client, or which limit is reached. */
  acquire(client: string): Acquired {
    if ((this.#perClient.get(client) ?? 0) >= this.options.maxConcurrentPerClient) return { busy: 'client' };
    // A warm thread first: starting one takes a moment.
    const free = this.#slots.filter((s) => s.client === undefined);
    const slot = free.find((s) => s.thread && !s.thread.exited) ?? free[0];
    if (!slot) return { busy: 'all' };
    slot.client = client;
    clearTimeout(slot.idle);
    this.#perClient.set(client, (this.#perClient.get(client) ?? 0) + 1);
    this.#warm();
    let used = false;
    return {
      lease: {
        run: (job, signal) => {
          if (used) throw new Error('a console lease runs one query');
          used = true;
          return this.#run(slot, job, signal);
        },
      },
    };
  }

  /** Ends every worker thread (their queries' connections close, so Neo4j stops them). */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => slot.thread?.worker.terminate()));
  }

  /** Keeps one free place with a started thread, so that the next query does not wait for one to start. */
  #warm(): void {
    if (this.#closed) return;
    const free = this.#slots.filter((slot) => slot.client === undefined);
    if (free.length === 0 || free.some((slot) => slot.thread && !slot.thread.exited)) return;
    const slot = free[0] as Slot;
    slot.thread = new ConsoleThread(this.options.data);
    slot.thread.ready.catch(() => {}); // a failed start shows when the thread is used
    this.#retireWhenIdle(slot);
  }

  #retireWhenIdle(slot: Slot): void {
    clearTimeout(slot.idle);
    slot.idle = setTimeout(() => {
      void slot.thread?.worker.terminate();
      slot.thread = undefined;
    }, IDLE_MS).unref();
  }

  #release(slot: Slot): void {
    const client = slot.client as string;
    const count = (this.#perClient.get(client) ?? 1) - 1;
    if (count > 0) this.#perClient.set(client, count);
    else this.#perClient.delete(client);
    slot.client = undefined;
    this.#retireWhenIdle(slot);
    this.#warm();
  }

  /** Frees the slot once Neo4j no longer lists the run's transaction (or after a long wait, saying so). */
  async #releaseWhenGone(slot: Slot, run: string): Promise<void> {
    const deadline = Date.now() + GONE_WAIT_MS;
    try {
      while ((await this.options.stillRunning(run).catch(() => false)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, GONE_POLL_MS));
      }
      if (Date.now() >= deadline) {
        this.options.logger?.warn({ run }, 'a stopped console query is still running in Neo4j; its place is freed');
      }
    } finally {
      this.#release(slot);
    }
  }

  async #run(slot: Slot, job: ConsoleJob, signal?: AbortSignal): Promise<RunOutcome> {
    if (this.#closed) return { type: 'failed', id: job.id, message: 'the console is shut down' };
    if (!slot.thread || slot.thread.exited) slot.thread = new ConsoleThread(this.options.data);
    const thread = slot.thread;
    try {
      await thread.ready;
    } catch (error) {
      slot.thread = undefined;
      this.#release(slot);
      return { type: 'failed', id: job.id, message: `the console worker did not start: ${(error as Error).message}` };
    }
    if (signal?.aborted) {
      this.#release(slot);
      return { type: 'abandoned' };
    }
    return new Promise<RunOutcome>((resolve) => {
      let settled = false;
      const settle = (outcome: RunOutcome) => {
        if (!settled) resolve(outcome);
        settled = true;
      };
      const cleanUp = () => {
        clearTimeout(deadline);
        thread.worker.off('message', onMessage);
        thread.worker.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
      };
      const onMessage = (message: FromWorker) => {
        if (message.type === 'ready' || message.id !== job.id) return;
        cleanUp();
        this.#release(slot);
        settle(message);
      };
      // The thread ended: stopped below, or out of memory. Its place waits for Neo4j to let go of the query.
      const onExit = () => {
        cleanUp();
        settle({ type: 'crashed', message: 'the console worker ended (it ran out of memory)' });
        void this.#releaseWhenGone(slot, job.run);
      };
      const stop = (outcome: RunOutcome) => {
        settle(outcome);
        void thread.worker.terminate();
      };
      const onAbort = () => stop({ type: 'abandoned' });
      const deadline = setTimeout(() => stop({ type: 'stopped' }), job.limits.timeoutMs);
      thread.worker.on('message', onMessage);
      thread.worker.once('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      thread.worker.postMessage({ type: 'run', job });
    });
  }
}
