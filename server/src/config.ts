/**
 * The app's configuration, read once from environment variables and validated at start-up.
 * Every wrong value is reported together, each naming its variable.
 */
import { z } from 'zod';

/** The documented development password of the local Neo4j (README); production sets its own. */
export const DEVELOPMENT_PASSWORD = 'common-ground-dev';

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be from 1 to 65535`)
    .max(65535, `${name} must be from 1 to 65535`)
    .default(fallback);

const positiveInt = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .positive(`${name} must be greater than 0`)
    .default(fallback);

/** Limits of the Cypher console (POST /api/cypher). */
export interface ConsoleLimits {
  /** How long a query may take, planning included. */
  timeoutMs: number;
  maxRows: number;
  /** About how many bytes of rows an answer may hold. */
  maxBytes: number;
  /** Queries running at once, over all clients and per client (by IP address). */
  maxConcurrent: number;
  maxConcurrentPerClient: number;
}

export const CONSOLE_DEFAULTS: ConsoleLimits = {
  timeoutMs: 10_000,
  maxRows: 5_000,
  maxBytes: 4_000_000,
  maxConcurrent: 4,
  maxConcurrentPerClient: 2,
};

const environment = z.object({
  PORT: port('PORT', 3000),
  HOST: z.string().min(1, 'HOST must not be empty').default('127.0.0.1'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'NEO4J_URI must look like bolt://host:7687 or neo4j+s://host')
    .optional(),
  NEO4J_USER: z.string().min(1, 'NEO4J_USER must not be empty').default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'NEO4J_PASSWORD must have at least 8 characters').default(DEVELOPMENT_PASSWORD),
  NEO4J_DATABASE: z.string().min(1, 'NEO4J_DATABASE must not be empty').default('neo4j'),
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt('NEO4J_CONNECT_TIMEOUT_MS', 30_000),
  NEO4J_BOLT_PORT: port('NEO4J_BOLT_PORT', 7687),
  CYPHER_TIMEOUT_MS: positiveInt('CYPHER_TIMEOUT_MS', CONSOLE_DEFAULTS.timeoutMs),
  CYPHER_MAX_ROWS: positiveInt('CYPHER_MAX_ROWS', CONSOLE_DEFAULTS.maxRows),
  CYPHER_MAX_BYTES: positiveInt('CYPHER_MAX_BYTES', CONSOLE_DEFAULTS.maxBytes),
  CYPHER_MAX_CONCURRENT: positiveInt('CYPHER_MAX_CONCURRENT', CONSOLE_DEFAULTS.maxConcurrent),
  CYPHER_MAX_CONCURRENT_PER_CLIENT: positiveInt(
    'CYPHER_MAX_CONCURRENT_PER_CLIENT',
    CONSOLE_DEFAULTS.maxConcurrentPerClient,
  ),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i, 'NEO4J_HEAP must be a size such as 512m or 2g')
    .default('512m'),
});

export interface Config {
  port: number;
  host: string;
  logLevel: string;
  neo4j: {
    /** Absent: `npm start` runs the local Neo4j and fills it in. */
    uri: string | undefined;
    user: string;
    password: string;
    database: string;
    connectTimeoutMs: number;
  };
  localNeo4j: { boltPort: number; heap: string };
  console: ConsoleLimits;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environment.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${issue.message} (got ${JSON.stringify(env[name])})`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
    },
    localNeo4j: { boltPort: e.NEO4J_BOLT_PORT, heap: e.NEO4J_HEAP },
    console: {
      timeoutMs: e.CYPHER_TIMEOUT_MS,
      maxRows: e.CYPHER_MAX_ROWS,
      maxBytes: e.CYPHER_MAX_BYTES,
      maxConcurrent: e.CYPHER_MAX_CONCURRENT,
      maxConcurrentPerClient: e.CYPHER_MAX_CONCURRENT_PER_CLIENT,
    },
  };
}
