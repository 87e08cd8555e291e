/**
 * Runs the server until it is told to stop, with clear messages for configuration and connection failures.
 * It stops, within SHUTDOWN_LIMIT_MS, on:
 * - SIGTERM (what a supervisor sends) or SIGINT (Ctrl-C): drain, then stop; a second signal stops at once;
 * - with `stopWithParent`, its parent process going away (`npm start` killed outright): a short drain,
 *   then stop, so that neither the app nor the local Neo4j lives on as an orphan.
 */
import { type Config, ConfigError, readConfig } from './config.ts';
import { isExplained } from './errors/explained.ts';
import { createLogger, type Logger } from './logger.ts';
import { DRAIN_MS, type RunningServer, startServer } from './server.ts';

export interface Lifecycle {
  /**
   * Called before the server starts; may fill in config (the local Neo4j's URI) and returns a cleanup.
   * `stopping` is aborted when a stop is asked for while it runs.
   */
  prepare?(config: Config, logger: Logger, stopping: AbortSignal): Promise<() => Promise<void>>;
  /**
   * Stop when the parent process is gone. For a parent that owns the app (npm), not for a shell that
   * merely started it in the background.
   */
  stopWithParent?: boolean;
}

/** Past this, the process exits whatever is still under way (a supervisor's patience is often 10 s). */
export const SHUTDOWN_LIMIT_MS = 9_500;
/** With no parent left, nobody waits for the answers: a short drain is enough. */
const ORPHAN_DRAIN_MS = 1_000;
const PARENT_CHECK_MS = 250;
const REPEAT_WINDOW_MS = 1_000;

export async function runUntilSignalled(lifecycle: Lifecycle = {}): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const cleanups: Array<() => Promise<void>> = [];
  const stopping = new AbortController();
  let preparing: Promise<() => Promise<void>> | undefined;
  let server: RunningServer | undefined;

  const shutdown = async (reason: string, exitCode: number, drainMs = DRAIN_MS) => {
    if (stopping.signal.aborted) return;
    stopping.abort();
    logger.info({ reason }, 'shutting down');
    setTimeout(() => {
      logger.error({ ms: SHUTDOWN_LIMIT_MS }, 'shutdown took too long; exiting now');
      process.exit(exitCode || 1);
    }, SHUTDOWN_LIMIT_MS).unref();
    try {
      // A start under way is cancelled by `stopping`; its cleanup is what we wait for.
      await preparing?.catch(() => {});
      await server?.close(drainMs);
      for (const cleanup of cleanups.reverse()) await cleanup();
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
    } finally {
      process.exit(exitCode);
    }
  };
  let signalledAt = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!stopping.signal.aborted) {
        signalledAt = Date.now();
        return void shutdown(signal, 0);
      }
      // Ctrl-C reaches the app twice at once, from the terminal and forwarded by npm: only a later
      // signal is a second one.
      if (Date.now() - signalledAt < REPEAT_WINDOW_MS) return;
      // The local Neo4j notices the exit (its standard input closes) and stops too.
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    });
  }
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    void shutdown('uncaught exception', 1);
  });
  if (lifecycle.stopWithParent) {
    // Nothing tells a process that its parent died, but it is handed to another one (init).
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) void shutdown(`parent process ${parent} exited`, 1, ORPHAN_DRAIN_MS);
    }, PARENT_CHECK_MS).unref();
  }

  try {
    if (lifecycle.prepare) {
      preparing = lifecycle.prepare(config, logger, stopping.signal);
      cleanups.push(await preparing);
    }
    if (stopping.signal.aborted) return;
    server = await startServer(config, logger);
  } catch (error) {
    // A start cancelled by a stop needs no message: the stop is under way.
    if (stopping.signal.aborted) return;
    if (isExplained(error)) logger.fatal(error.message);
    else logger.fatal({ err: error }, 'could not start');
    await shutdown('start-up failed', 1);
  }
}
