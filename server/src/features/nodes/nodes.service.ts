import type { NodeDetails } from '../../../../shared/api/nodes.ts';
import { problems } from '../../errors/problem.ts';
import type { Database } from '../../neo4j/database.ts';
import { type Json, plainProperties, toJson } from '../../neo4j/values.ts';

/** Labels whose details say more than their properties and neighbours. */
const DETAILED = { Position: 'nodes/position', Party: 'nodes/party', Issue: 'nodes/issue' } as const;

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
