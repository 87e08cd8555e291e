// Mocha global fixtures: one throwaway Neo4j for the whole run.
import { startTestDatabase, stopTestDatabase } from './_neo4j.ts';

export async function mochaGlobalSetup(): Promise<void> {
  await startTestDatabase();
}

export async function mochaGlobalTeardown(): Promise<void> {
  await stopTestDatabase();
}
