/**
 * The Cypher console: runs an analyst's query, read-only, within limits.
 * 1. Neo4j plans it (EXPLAIN, nothing runs) and the plan is vetted: only reading operators and procedures.
 * 2. It runs in a READ transaction (a write fails there too) with a timeout; the server caps its memory.
 * 3. At most maxRows rows are read; the rest of the stream is discarded and the answer says so.
 */
import neo4j, { type Driver, type Node, type Session } from 'neo4j-driver';
import type { SerializedGraph } from '../../api-types.ts';
import { ProblemError } from '../../errors/problem.ts';
import { GraphBuilder } from '../../graph/graph-builder.ts';
import type { CypherLibrary } from '../../neo4j/cypher.ts';
import { isNode, isPath, isRelationship, type Json, toCypherParameters, toJson } from '../../neo4j/values.ts';
import { type PlanOperator, vetPlan } from './plan-vetting.ts';

export interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
}

export interface ConsoleResult {
  columns: string[];
  rows: Json[][];
  rowCount: number;
  truncated: boolean;
  maxRows: number;
  elapsedMs: number;
  graph: SerializedGraph;
}

const PROBLEM_BASE = '/api/problems/';

function refused(kind: string, title: string, detail: string, extra: Record<string, unknown> = {}): ProblemError {
  return new ProblemError({ type: `${PROBLEM_BASE}${kind}`, title, status: 400, detail, ...extra });
}

/** Carries a driver error out of a managed transaction without the driver retrying it. */
class QueryFailure extends Error {
  constructor(readonly original: unknown) {
    super('query failed');
  }
}

const EXPLAIN = 'EXPLAIN\n';
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

/** Maps Neo4j's refusal of a query to a problem, by its error code (never by its text). */
function toProblem(error: unknown, limits: ConsoleLimits, prefix = ''): unknown {
  const code = (error as { code?: string }).code ?? '';
  const original = (error as { message?: string }).message ?? '';
  const message = restatePosition(original, prefix);
  const position = errorPosition(original, prefix);
  const firstLines = message.split('\n').filter((line) => line.trim().length > 0);
  if (code === 'Neo.ClientError.Statement.SyntaxError') {
    return refused('cypher-syntax', 'Cypher syntax error', firstLines[0] ?? message, {
      neo4jCode: code,
      neo4jMessage: message,
      position,
    });
  }
  if (code.includes('TransactionTimedOut') || code === 'Neo.ClientError.Transaction.Terminated') {
    return refused(
      'query-timeout',
      'Query took too long',
      `The query ran longer than the console's limit of ${limits.timeoutMs / 1000} s and was stopped.`,
      { neo4jCode: code },
    );
  }
  if (code.includes('MemoryPoolOutOfMemoryError') || code.includes('OutOfMemory')) {
    return refused(
      'query-memory',
      'Query used too much memory',
      'The query needed more memory than a console query may use and was stopped.',
      { neo4jCode: code },
    );
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.')) {
    return refused(
      'query-refused',
      'Query refused',
      `The query was refused: the console only reads. (${firstLines[0] ?? code})`,
      { neo4jCode: code },
    );
  }
  if (code.startsWith('Neo.ClientError.')) {
    return refused('cypher-error', 'Cypher error', firstLines[0] ?? message, {
      neo4jCode: code,
      neo4jMessage: message,
      position,
    });
  }
  return error;
}

/** Adds every node and relationship found anywhere in a value (lists, maps, paths) to the graph. */
function collectGraph(value: unknown, graph: GraphBuilder): void {
  if (isNode(value)) graph.addNode(value);
  else if (isRelationship(value)) graph.addRelationship(value);
  else if (isPath(value)) {
    graph.addNode(value.start);
    for (const segment of value.segments) {
      graph.addNode(segment.end);
      graph.addRelationship(segment.relationship);
    }
  } else if (Array.isArray(value)) for (const item of value) collectGraph(item, graph);
  else if (value && typeof value === 'object' && !neo4j.isInt(value)) {
    for (const item of Object.values(value)) collectGraph(item, graph);
  }
}

export class CypherConsoleService {
  constructor(
    private readonly driver: Driver,
    private readonly cypher: CypherLibrary,
    private readonly database: string,
    private readonly limits: ConsoleLimits,
  ) {}

  async run(query: string, params: Record<string, unknown>): Promise<ConsoleResult> {
    const parameters = toCypherParameters(params) as Record<string, unknown>;
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      fetchSize: 500,
    });
    const started = performance.now();
    try {
      await this.#vet(session, query, parameters);
      const { columns, records, truncated } = await session
        .executeRead(
          async (tx) => {
            try {
              const result = tx.run(query, parameters);
              const rows: unknown[][] = [];
              let more = false;
              let keys: string[] = [];
              for await (const record of result) {
                if (rows.length === 0) keys = record.keys as string[];
                if (rows.length >= this.limits.maxRows) {
                  more = true;
                  break;
                }
                rows.push(record.keys.map((key) => record.get(key)));
              }
              if (rows.length === 0) keys = (await result.keys()) as string[];
              return { columns: keys, records: rows, truncated: more };
            } catch (error) {
              throw new QueryFailure(error);
            }
          },
          { timeout: this.limits.timeoutMs },
        )
        .catch((error: unknown) => {
          throw toProblem(error instanceof QueryFailure ? error.original : error, this.limits);
        });
      const graph = new GraphBuilder();
      for (const row of records) collectGraph(row, graph);
      await this.#addMissingEndpoints(session, graph);
      return {
        columns,
        rows: records.map((row) => row.map(toJson)),
        rowCount: records.length,
        truncated,
        maxRows: this.limits.maxRows,
        elapsedMs: Math.round(performance.now() - started),
        graph: graph.toSerialized(),
      };
    } finally {
      await session.close();
    }
  }

  /** Plans the query without running it, and refuses it unless every step of the plan only reads. */
  async #vet(session: Session, query: string, parameters: Record<string, unknown>): Promise<void> {
    const summary = await session
      .executeRead(async (tx) => {
        try {
          // EXPLAIN plans the analyst's own query text, kept on its own lines; nothing of it runs.
          return (await tx.run(`${EXPLAIN}${query}`, parameters)).summary;
        } catch (error) {
          throw new QueryFailure(error);
        }
      })
      .catch((error: unknown) => {
        throw toProblem(error instanceof QueryFailure ? error.original : error, this.limits, EXPLAIN);
      });
    if (summary.database.name && summary.database.name !== this.database) {
      throw refused(
        'query-refused',
        'Query refused',
        `The query was refused: it uses the database "${summary.database.name}"; the console reads "${this.database}" only.`,
      );
    }
    if (summary.queryType !== 'r') {
      const refusal = summary.plan ? vetPlan(summary.plan as unknown as PlanOperator) : undefined;
      throw refused(
        'query-refused',
        'Query refused',
        `The query was refused: ${refusal ?? 'it would change the database'}.`,
        {
          queryType: summary.queryType,
        },
      );
    }
    const refusal = summary.plan ? vetPlan(summary.plan as unknown as PlanOperator) : 'Neo4j gave no plan for it';
    if (refusal) throw refused('query-refused', 'Query refused', `The query was refused: ${refusal}.`);
  }

  /** Relationships whose ends the query did not return still get their ends, so the result draws as a graph. */
  async #addMissingEndpoints(session: Session, graph: GraphBuilder): Promise<void> {
    const elementIds = graph.missingEndpoints().slice(0, 10_000);
    if (elementIds.length === 0) return;
    const nodes = await session.executeRead(async (tx) =>
      (await tx.run(this.cypher.get('graph/endpoints'), { elementIds })).records.map((r) => r.get('n') as Node),
    );
    for (const node of nodes) graph.addNode(node);
  }
}
