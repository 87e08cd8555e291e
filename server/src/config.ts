/**
 * The app's configuration, read once from environment variables and validated at start-up.
 * Every wrong value is reported together, each naming its variable.
 */
import { z } from 'zod';
import { allowedHostNames } from './middleware/hosts.ts';

/** The documented development password of the local Neo4j (README); production must set its own. */
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
  // The HTTP layer's limits (docs/operations.md).
  ALLOWED_HOSTS: z
    .string()
    .regex(/^[a-z0-9.\-[\]:,\s]*$/i, 'ALLOWED_HOSTS must be host names separated by commas, e.g. graph.example.org')
    .default(''),
  RATE_LIMIT_PER_MINUTE: positiveInt('RATE_LIMIT_PER_MINUTE', 1_000),
  HTTP_HEADERS_TIMEOUT_MS: positiveInt('HTTP_HEADERS_TIMEOUT_MS', 10_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt('HTTP_REQUEST_TIMEOUT_MS', 30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt('HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000),
  HTTP_MAX_CONNECTIONS: positiveInt('HTTP_MAX_CONNECTIONS', 500),
  NEO4J_DATA_DIR: z.string().optional(),
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
  /** The local Neo4j of `npm start`; dataDir absent means .neo4j/dev. */
  localNeo4j: { boltPort: number; heap: string; dataDir: string | undefined };
  /** Limits of the Cypher console (POST /api/cypher). */
  console: ConsoleLimits;
  http: HttpLimits;
}

/** What the HTTP layer answers and how long it waits (server/src/middleware/). */
export interface HttpLimits {
  /** The host names answered: loopback names, HOST unless it is 0.0.0.0 or ::, ALLOWED_HOSTS; others get 421. */
  allowedHosts: string[];
  rateLimitPerMinute: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Everybody knows the development password: a database in production or elsewhere must not have it. */
function developmentPasswordProblems(present: NodeJS.ProcessEnv): string[] {
  const production = present.NODE_ENV === 'production' || present.NEO4J_URI !== undefined;
  if (!production || (present.NEO4J_PASSWORD ?? DEVELOPMENT_PASSWORD) !== DEVELOPMENT_PASSWORD) return [];
  const what = present.NEO4J_PASSWORD
    ? 'NEO4J_PASSWORD is the development password, which is'
    : 'NEO4J_PASSWORD is not set, and the development password it defaults to is';
  return [
    `${what} refused in production (NODE_ENV=production) and with NEO4J_URI set: set NEO4J_PASSWORD to ` +
      "your Neo4j's password (at least 8 characters; for docker compose, in .env: see .env.example)",
  ];
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environment
    .refine((e) => e.HTTP_HEADERS_TIMEOUT_MS <= e.HTTP_REQUEST_TIMEOUT_MS, {
      path: ['HTTP_HEADERS_TIMEOUT_MS'],
      message: 'HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS',
    })
    .safeParse(present);
  const problems = [
    ...(parsed.error?.issues ?? []).map((issue) => {
      const name = String(issue.path[0]);
      return `${issue.message} (got ${JSON.stringify(env[name])})`;
    }),
    ...developmentPasswordProblems(present),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
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
    localNeo4j: { boltPort: e.NEO4J_BOLT_PORT, heap: e.NEO4J_HEAP, dataDir: e.NEO4J_DATA_DIR },
    console: {
      timeoutMs: e.CYPHER_TIMEOUT_MS,
      maxRows: e.CYPHER_MAX_ROWS,
      maxBytes: e.CYPHER_MAX_BYTES,
      maxConcurrent: e.CYPHER_MAX_CONCURRENT,
      maxConcurrentPerClient: e.CYPHER_MAX_CONCURRENT_PER_CLIENT,
    },
    http: {
      allowedHosts: allowedHostNames(
        e.HOST,
        e.ALLOWED_HOSTS.split(',')
          .map((name) => name.trim())
          .filter((name) => name.length > 0),
      ),
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    },
  };
}
