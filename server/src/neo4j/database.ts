import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { z } from 'zod';
import { untilClientLeaves } from './cancellation.ts';
import type { CypherLibrary, CypherName } from './cypher.ts';
import { rowsOf } from './rows.ts';
import { toCypherParameters } from './values.ts';

/** Runs named Cypher files inside one read transaction, with parameters that are Cypher values already. */
export interface Reader {
  run(query: CypherName, parameters?: Record<string, unknown>): Promise<Neo4jRecord[]>;
  /** The records as rows checked against `schema` (rows.ts). */
  rows<Schema extends z.ZodType>(
    query: CypherName,
    schema: Schema,
    parameters?: Record<string, unknown>,
  ): Promise<Array<z.output<Schema>>>;
}

/** How many distinct reads are remembered for a warm-up. */
const REMEMBERED_READS = 24;

/**
 * What services use to read: named Cypher files run in a managed read transaction
 * (retried on transient errors, routed to a reader on a cluster). When the request it serves is
 * abandoned (cancellation.ts), the session is closed and Neo4j stops the transaction.
 *
 * It remembers the last reads it ran (file and parameters), so that a Neo4j that comes back from an
 * outage can be warmed with the very queries clients are about to ask again (warmUp).
 */
export class Database {
  private readonly recent = new Map<string, { query: CypherName; parameters: Record<string, unknown> }>();

  constructor(
    readonly driver: Driver,
    readonly cypher: CypherLibrary,
    readonly name: string,
  ) {}

  /**
   * One named Cypher file in a read transaction of its own. Its parameters are converted (and refused
   * when they cannot be) before the transaction begins: failing inside one that is still beginning can
   * leave the driver's connection in a state Neo4j refuses.
   */
  read(query: CypherName, parameters: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
    const values = toCypherParameters(parameters) as Record<string, unknown>;
    return this.readTransaction((reader) => reader.run(query, values));
  }

  /** One named Cypher file in a read transaction of its own, its records as rows checked against `schema`. */
  async rows<Schema extends z.ZodType>(
    query: CypherName,
    schema: Schema,
    parameters: Record<string, unknown> = {},
  ): Promise<Array<z.output<Schema>>> {
    return rowsOf(query, schema, await this.read(query, parameters));
  }

  /** Several named Cypher files in one read transaction, so that they see the same graph. */
  async readTransaction<T>(work: (reader: Reader) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.name });
    try {
      return await untilClientLeaves(session, () => session.executeRead((tx) => work(this.reader(tx))));
    } finally {
      await session.close();
    }
  }

  /**
   * Runs the remembered reads again, two at a time, until all are done or `deadline` (epoch ms) has
   * passed; failures are ignored (a warm-up only makes later answers faster). A restarted Neo4j plans
   * and compiles each query slowly the first time (seconds on a cold JVM), and a crowd of clients asking
   * at once would take many times as long.
   */
  async warmUp(deadline: number): Promise<{ ran: number; of: number }> {
    const reads = [...this.recent.values()].reverse();
    let ran = 0;
    const worker = async () => {
      for (let read = reads.shift(); read && Date.now() < deadline; read = reads.shift()) {
        // Auto-commit, which the driver never retries: the deadline holds.
        const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
        const timeout = Math.max(1, deadline - Date.now());
        try {
          await session.run(this.cypher.get(read.query), read.parameters, { timeout });
          ran++;
        } catch {
          // Not the warm-up's business: the request that asks for it again will report it.
        } finally {
          await session.close().catch(() => {});
        }
      }
    };
    const of = reads.length;
    await Promise.all([worker(), worker()]);
    return { ran, of };
  }

  private reader(tx: ManagedTransaction): Reader {
    const run = async (query: CypherName, parameters: Record<string, unknown> = {}) => {
      this.remember(query, parameters);
      return (await tx.run(this.cypher.get(query), parameters)).records;
    };
    return { run, rows: async (query, schema, parameters) => rowsOf(query, schema, await run(query, parameters)) };
  }

  /** Keeps the latest distinct reads, most recent last. */
  private remember(query: CypherName, parameters: Record<string, unknown>): void {
    const key = `${query} ${JSON.stringify(parameters)}`;
    this.recent.delete(key);
    this.recent.set(key, { query, parameters });
    if (this.recent.size > REMEMBERED_READS) this.recent.delete(this.recent.keys().next().value as string);
  }
}
