/** What the main thread and a console worker say to each other (structured-clone data only). */
import type { ConsoleResult } from '../../../../shared/api/console.ts';
import type { ConsoleLimits } from '../../config.ts';
import type { Problem } from '../../errors/problem.ts';
import type { Neo4jSettings } from '../../neo4j/driver.ts';

export type { ConsoleResult };

export interface ConsoleJob {
  id: number;
  /** Tags the query's transaction (its metadata `consoleRun`), so that the console can see it in SHOW TRANSACTIONS. */
  run: string;
  query: string;
  /** As the client sent them (JSON); the worker makes Cypher values of them. */
  params: Record<string, unknown>;
  /** A saved query, word for word: only the rules for every query apply. */
  reviewed: boolean;
  limits: Pick<ConsoleLimits, 'timeoutMs' | 'maxRows' | 'maxBytes'>;
}

export interface ConsoleWorkerData {
  neo4j: Neo4jSettings;
  database: string;
  /** The worker stops a query when the buffers it has read from Neo4j exceed this. */
  maxBufferBytes: number;
}

export type ToWorker = { type: 'run'; job: ConsoleJob };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: ConsoleResult }
  | { type: 'problem'; id: number; problem: Problem }
  /** Not the query's doing: Neo4j unreachable, or a bug. */
  | { type: 'failed'; id: number; code?: string; message: string };
