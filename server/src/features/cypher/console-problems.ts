/**
 * The console's answers when a query does not give rows, as problem details. They are plain data, so the
 * worker that runs a query can hand them to the main thread as they are.
 */
import type { Problem } from '../../errors/problem.ts';
import type { Refusal } from './expression-vetting.ts';
import { positionIn } from './query-text.ts';

const PROBLEM_BASE = '/api/problems/';

function problem(kind: string, title: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `${PROBLEM_BASE}${kind}`, title, status: 400, detail, ...extra };
}

/** A query the console will not run, saying why (and where, when the text shows it). */
export function refusedProblem(refusal: Refusal, text?: string): Problem {
  const position = text !== undefined && refusal.offset !== undefined ? positionIn(text, refusal.offset) : undefined;
  return problem('query-refused', 'Query refused', `The query was refused: ${refusal.detail}.`, {
    refusal: refusal.reason,
    ...(position ? { position } : {}),
  });
}

export function timeoutProblem(timeoutMs: number, neo4jCode?: string): Problem {
  return problem(
    'query-timeout',
    'Query took too long',
    `The query ran longer than the console's limit of ${timeoutMs / 1000} s and was stopped.`,
    neo4jCode ? { neo4jCode } : {},
  );
}

export function resultTooLargeProblem(maxBytes: number): Problem {
  return problem(
    'result-too-large',
    'Result too large',
    `A row of the result is far larger than the console's limit of ${formatBytes(maxBytes)} for a whole answer, ` +
      'so the query was stopped. Return fewer or smaller values (LIMIT, or properties instead of whole lists).',
  );
}

export function busyProblem(retryAfterSeconds: number, perClient: boolean, limit: number): Problem {
  return {
    type: `${PROBLEM_BASE}console-busy`,
    title: 'Too many console queries',
    status: 429,
    detail: perClient
      ? `You already have ${limit} console ${limit === 1 ? 'query' : 'queries'} running; wait for one to finish (retry in ${retryAfterSeconds} s).`
      : `The console is running as many queries as it allows at once (${limit}); retry in ${retryAfterSeconds} s.`,
  };
}

export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`
    : `${(bytes / 1_000).toLocaleString('en', { maximumFractionDigits: 1 })} kB`;
}

const POSITION = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/** Where Neo4j says an error is, `(line 2, column 8 (offset: 15))`, in the user's own text (less any prefix line). */
function errorPosition(message: string, prefix: string): { line: number; column: number; offset: number } | undefined {
  const match = POSITION.exec(message);
  return match
    ? { line: Number(match[1]) - (prefix ? 1 : 0), column: Number(match[2]), offset: Number(match[3]) - prefix.length }
    : undefined;
}

/** Neo4j's message with its position restated for the user's own text. */
function restatePosition(message: string, prefix: string): string {
  const position = errorPosition(message, prefix);
  return position
    ? message.replace(POSITION, `(line ${position.line}, column ${position.column} (offset: ${position.offset}))`)
    : message;
}

/**
 * Neo4j's refusal of a query as a problem, by its error code (never by its text), or undefined when the
 * error is not the query's doing (the database is unreachable or failed on its own).
 */
export function neo4jProblem(error: unknown, timeoutMs: number, prefix = ''): Problem | undefined {
  const code = (error as { code?: string }).code ?? '';
  const original = (error as { message?: string }).message ?? '';
  const message = restatePosition(original, prefix);
  const position = errorPosition(original, prefix);
  const firstLine = message.split('\n').find((line) => line.trim().length > 0) ?? message;
  const withMessage = { neo4jCode: code, neo4jMessage: message, ...(position ? { position } : {}) };
  if (code === 'Neo.ClientError.Statement.SyntaxError') {
    return problem('cypher-syntax', 'Cypher syntax error', firstLine, withMessage);
  }
  if (code.includes('TransactionTimedOut') || code === 'Neo.ClientError.Transaction.Terminated') {
    return timeoutProblem(timeoutMs, code);
  }
  if (code.includes('MemoryPoolOutOfMemoryError') || code.includes('OutOfMemory')) {
    return problem(
      'query-memory',
      'Query used too much memory',
      'The query needed more memory than a console query may use and was stopped.',
      { neo4jCode: code },
    );
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.')) {
    return problem('query-refused', 'Query refused', `The query was refused: the console only reads. (${firstLine})`, {
      neo4jCode: code,
    });
  }
  if (code.startsWith('Neo.ClientError.')) return problem('cypher-error', 'Cypher error', firstLine, withMessage);
  // Neo4j reports some failures of the query itself as database errors (allShortestPaths between a node and
  // itself); they are the query's doing, not the server's.
  if (code.startsWith('Neo.DatabaseError.Statement.')) {
    return problem('query-failed', 'Query failed', `Neo4j could not run the query: ${firstLine}`, withMessage);
  }
  return undefined;
}
