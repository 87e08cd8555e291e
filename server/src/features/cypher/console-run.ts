/**
 * One console query, in one READ transaction under the console's timeout (planning included):
 * 1. Neo4j plans it (EXPLAIN, nothing runs) and the plan is vetted: reading operators and procedures only,
 *    and expressions whose work is bounded (plan-vetting.ts).
 * 2. It runs; rows are read until `maxRows`, or until their estimated size in the answer passes `maxBytes`
 *    (estimated before a row is converted); the rest of the stream is discarded and the answer says why.
 * 3. The ends of relationships the query did not return are fetched, so the result draws as a graph.
 */
import neo4j, { type Node, type ResultSummary, type Session } from 'neo4j-driver';
import { ProblemError } from '../../errors/problem.ts';
import { GraphBuilder } from '../../graph/graph-builder.ts';
import type { CypherLibrary } from '../../neo4j/cypher.ts';
import { isNode, isPath, isRelationship, toCypherParameters, toJson } from '../../neo4j/values.ts';
import { neo4jProblem, refusedProblem } from './console-problems.ts';
import type { ConsoleJob, ConsoleResult } from './console-protocol.ts';
import type { RefusalReason } from './expression-vetting.ts';
import { type PlanOperator, vetPlan } from './plan-vetting.ts';
import { jsonSize } from './record-size.ts';

const EXPLAIN = 'EXPLAIN\n';
/** Records the driver asks for at a time: few, so that little beyond the budget is ever read. */
export const FETCH_SIZE = 50;
/** The most relationship ends fetched for drawing. */
const MAX_ENDPOINTS = 10_000;

/** Carries an error out of the managed transaction without the driver retrying it. */
class QueryFailure extends Error {
  constructor(
    readonly original: unknown,
    readonly prefix = '',
  ) {
    super('query failed');
  }
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

/** Refuses the query unless its plan only reads, on this database, with bounded expressions. */
function vetSummary(summary: ResultSummary, job: ConsoleJob, database: string): void {
  const refuse = (reason: RefusalReason, detail: string, extra = {}) => {
    throw new ProblemError({ ...refusedProblem({ reason, detail }), ...extra });
  };
  if (summary.database.name && summary.database.name !== database) {
    refuse('other-database', `it uses the database "${summary.database.name}"; the console reads "${database}" only`);
  }
  const plan = summary.plan ? (summary.plan as unknown as PlanOperator) : undefined;
  if (!plan) refuse('operator', 'Neo4j gave no plan for it');
  const refusal = vetPlan(plan as PlanOperator, { reviewed: job.reviewed });
  if (summary.queryType !== 'r') {
    refuse(refusal?.reason ?? 'writes', refusal?.detail ?? 'it would change the database', {
      queryType: summary.queryType,
    });
  }
  if (refusal) throw new ProblemError(refusedProblem(refusal));
}

export async function runConsoleQuery(
  session: Session,
  cypher: CypherLibrary,
  database: string,
  job: ConsoleJob,
): Promise<ConsoleResult> {
  const started = performance.now();
  const parameters = toCypherParameters(job.params) as Record<string, unknown>;
  const { maxRows, maxBytes, timeoutMs } = job.limits;
  try {
    return await session.executeRead(
      async (tx) => {
        let prefix = EXPLAIN;
        try {
          // EXPLAIN plans the analyst's own text, kept on its own lines; nothing of it runs.
          vetSummary((await tx.run(`${EXPLAIN}${job.query}`, parameters)).summary, job, database);
          prefix = '';
          const result = tx.run(job.query, parameters);
          const rows: unknown[][] = [];
          let bytes = 0;
          let truncatedBy: ConsoleResult['truncatedBy'];
          for await (const record of result) {
            if (rows.length >= maxRows) {
              truncatedBy = 'maxRows';
              break;
            }
            const values = record.keys.map((key) => record.get(key));
            bytes += jsonSize(values);
            if (bytes > maxBytes) {
              truncatedBy = 'maxBytes';
              break;
            }
            rows.push(values);
          }
          const columns = (await result.keys()) as string[];
          const graph = new GraphBuilder();
          for (const row of rows) collectGraph(row, graph);
          const elementIds = graph.missingEndpoints().slice(0, MAX_ENDPOINTS);
          if (elementIds.length > 0) {
            const ends = await tx.run(cypher.get('graph/endpoints'), { elementIds });
            for (const end of ends.records) graph.addNode(end.get('n') as Node);
          }
          return {
            columns,
            rows: rows.map((row) => row.map(toJson)),
            rowCount: rows.length,
            truncated: truncatedBy !== undefined,
            ...(truncatedBy ? { truncatedBy } : {}),
            maxRows,
            maxBytes,
            elapsedMs: Math.round(performance.now() - started),
            graph: graph.toSerialized(),
          };
        } catch (error) {
          throw new QueryFailure(error, prefix);
        }
      },
      { timeout: timeoutMs, metadata: { consoleRun: job.run } },
    );
  } catch (error) {
    if (!(error instanceof QueryFailure)) throw error;
    if (error.original instanceof ProblemError) throw error.original;
    const problem = neo4jProblem(error.original, timeoutMs, error.prefix);
    throw problem ? new ProblemError(problem) : error.original;
  }
}
