import type { Driver, Record as Neo4jRecord } from 'neo4j-driver';
import { untilClientLeaves } from './cancellation.ts';
import type { CypherLibrary } from './cypher.ts';
import { toCypherParameters } from './values.ts';

/**
 * What services use to read: a named Cypher file run in a managed read transaction
 * (retried on transient errors, routed to a reader on a cluster). When the request it serves is
 * abandoned (cancellation.ts), the session is closed and Neo4j stops the transaction.
 */
export class Database {
  constructor(
    readonly driver: Driver,
    readonly cypher: CypherLibrary,
    readonly name: string,
  ) {}

  async read(query: string, parameters: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
    const session = this.driver.session({ database: this.name });
    try {
      const values = toCypherParameters(parameters) as Record<string, unknown>;
      return await untilClientLeaves(session, () =>
        session.executeRead(async (tx) => (await tx.run(this.cypher.get(query), values)).records),
      );
    } finally {
      await session.close();
    }
  }
}
