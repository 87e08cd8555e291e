/** Runs the server until SIGINT/SIGTERM, with clear messages for configuration and connection failures. */
import { type Config, ConfigError, readConfig } from './config.ts';
import { isExplained } from './errors/explained.ts';
import { createLogger, type Logger } from './logger.ts';
import { type RunningServer, startServer } from './server.ts';

export interface Lifecycle {
  /** Called before the server starts; may fill in config (the local Neo4j's URI) and returns a cleanup. */
  prepare?(config: Config, logger: Logger): Promise<() => Promise<void>>;
}

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
  let server: RunningServer | undefined;

  const shutdown = async (reason: string, exitCode: number) => {
    logger.info({ reason }, 'shutting down');
    try {
      await server?.close();
      for (const cleanup of cleanups.reverse()) await cleanup();
    } finally {
      process.exit(exitCode);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    void shutdown('uncaught exception', 1);
  });

  try {
    if (lifecycle.prepare) cleanups.push(await lifecycle.prepare(config, logger));
    server = await startServer(config, logger);
  } catch (error) {
    if (isExplained(error)) logger.fatal(error.message);
    else logger.fatal({ err: error }, 'could not start');
    await shutdown('start-up failed', 1);
  }
}
