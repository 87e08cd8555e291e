import type { NodeDetails } from '../../../../shared/api/nodes.ts';
import type { NodeLabel } from '../../../../shared/vocabulary.ts';
import { UnknownNodeError } from '../../errors/domain.ts';
import type { CypherName } from '../../neo4j/cypher-names.ts';
import type { Database } from '../../neo4j/database.ts';
import { nodeOf } from '../../neo4j/rows.ts';
import { type Json, plainProperties, toJson } from '../../neo4j/values.ts';

/** Labels whose details say more than their properties and neighbours. */
const DETAILED = {
  Position: 'nodes/position',
  Party: 'nodes/party',
  Issue: 'nodes/issue',
} as const satisfies Partial<Record<NodeLabel, CypherName>>;

export class NodesService {
  constructor(private readonly db: Database) {}

  async node(id: string): Promise<NodeDetails> {
    const [record] = await this.db.read('nodes/node', { id });
    if (!record) throw new UnknownNodeError(id);
    const node = nodeOf('nodes/node', record, 'n');
    const nodeType = node.labels[0] ?? 'Node';
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
