import type { Driver } from 'neo4j-driver';
import type { CypherLibrary } from '../../neo4j/cypher.ts';
import { describeNeo4jError } from '../../neo4j/driver.ts';
import { app } from '../../version.ts';

export type Health =
  | { status: 'ok'; app: typeof app; neo4j: { reachable: true; version: string; edition: string; database: string } }
  | { status: 'unavailable'; app: typeof app; neo4j: { reachable: false; database: string; error: string } };

export class HealthService {
  constructor(
    private readonly driver: Driver,
    private readonly cypher: CypherLibrary,
    private readonly database: string,
  ) {}

  async check(): Promise<Health> {
    try {
      // getServerInfo fails at once when the server is down; a managed transaction would retry first.
      await this.driver.getServerInfo({ database: this.database });
      const { records } = await this.driver.executeQuery(
        this.cypher.get('health/components'),
        {},
        {
          database: this.database,
          routing: 'READ',
        },
      );
      const record = records[0];
      return {
        status: 'ok',
        app,
        neo4j: {
          reachable: true,
          version: String(record?.get('version')),
          edition: String(record?.get('edition')),
          database: this.database,
        },
      };
    } catch (error) {
      return {
        status: 'unavailable',
        app,
        neo4j: {
          reachable: false,
          database: this.database,
          error: `Neo4j cannot be reached: ${describeNeo4jError(error)}`,
        },
      };
    }
  }
}
