import type { Driver } from 'neo4j-driver';
import type { CypherLibrary } from './cypher.ts';

/** Applies `cypher/schema.cypher`: constraints and indexes, each `IF NOT EXISTS`, so it is safe on every start. */
export async function applySchema(driver: Driver, cypher: CypherLibrary, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    // Schema commands cannot share a transaction with each other's index population, so one each.
    for (const statement of cypher.statements('schema')) {
      await session.executeWrite((tx) => tx.run(statement));
    }
    await session.executeRead((tx) => tx.run('CALL db.awaitIndexes(60)'));
  } finally {
    await session.close();
  }
}
