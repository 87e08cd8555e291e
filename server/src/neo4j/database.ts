import type { Driver, Record as Neo4jRecord } from 'neo4j-driver';
import { closeOnAbort, requestSignal } from './cancellation.ts';
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
    const signal = requestSignal();
    const session = this.driver.session({ database: this.name });
    let stopListening = () => {};
    try {
      stopListening = closeOnAbort(session, signal);
      const values = toCypherParameters(parameters) as Record<string, unknown>;
      return await session.executeRead(async (tx) => (await tx.run(this.cypher.get(query), values)).records);
    } catch (error) {
      // The driver's complaint about a closed session means nothing once the client has gone.
      throw signal?.aborted ? signal.reason : error;
    } finally {
      stopListening();
      await session.close();
    }
  }
}
