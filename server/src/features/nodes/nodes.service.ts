import { problems } from '../../errors/problem.ts';
import type { Database } from '../../neo4j/database.ts';
import { type Json, plainProperties, toJson } from '../../neo4j/values.ts';

/** Labels whose details say more than their properties and neighbours. */
const DETAILED = { Position: 'nodes/position', Party: 'nodes/party', Issue: 'nodes/issue' } as const;

export interface NodeDetails {
  id: string;
  nodeType: string;
  labels: string[];
  properties: Record<string, Json>;
  neighbours: Json;
  /** For a position: holders, issue, options, related positions, statements; a party: positions by issue;
   * an issue: options and each side's positions. */
  details?: Record<string, Json>;
}

export class NodesService {
  constructor(private readonly db: Database) {}

  async node(id: string): Promise<NodeDetails> {
    const [record] = await this.db.read('nodes/node', { id });
    if (!record) throw problems.notFound(`There is no node "${id}".`);
    const node = record.get('n');
    const nodeType: string = node.labels[0];
    const result: NodeDetails = {
      id,
      nodeType,
      labels: node.labels,
      properties: plainProperties(node.properties),
      neighbours: toJson(record.get('neighbours')),
    };
    const query = DETAILED[nodeType as keyof typeof DETAILED];
    if (query) {
      const [details] = await this.db.read(query, { id });
      if (details) result.details = toJson(details.toObject()) as Record<string, Json>;
    }
    return result;
  }
}
