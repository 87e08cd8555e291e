import type { Neo4jAvailability } from '../../neo4j/availability.ts';
import { app } from '../../version.ts';

export type Health =
  | { status: 'ok'; app: typeof app; neo4j: { reachable: true; version: string; edition: string; database: string } }
  | { status: 'unavailable'; app: typeof app; neo4j: { reachable: false; database: string; error: string } };

export class HealthService {
  constructor(private readonly availability: Neo4jAvailability) {}

  /** A fresh probe of Neo4j (never retried, so a database that is down is reported at once). */
  async check(): Promise<Health> {
    const database = this.availability.database;
    const state = await this.availability.probe();
    if (state.up && state.server) {
      return { status: 'ok', app, neo4j: { reachable: true, ...state.server, database } };
    }
    const error = state.up ? 'Neo4j has not been probed yet' : state.reason;
    return { status: 'unavailable', app, neo4j: { reachable: false, database, error } };
  }
}
