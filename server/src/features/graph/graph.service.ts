import type { Node, Relationship } from 'neo4j-driver';
import type { SerializedGraph } from '../../../../shared/api/graph.ts';
import type { NodeLabel, PositionKind } from '../../../../shared/vocabulary.ts';
import { UnknownNegotiationError, UnknownNodeError } from '../../errors/domain.ts';
import { GraphBuilder } from '../../graph/graph-builder.ts';
import type { Database } from '../../neo4j/database.ts';
import { graphParts } from '../../neo4j/rows.ts';

export const OPTIONAL_LABELS = [
  'Statement',
  'Source',
  'Person',
  'Event',
  'Negotiation',
] as const satisfies readonly NodeLabel[];
export type OptionalLabel = (typeof OPTIONAL_LABELS)[number];

export interface GraphFilters {
  negotiation: string;
  parties?: string[];
  issues?: string[];
  kinds?: PositionKind[];
  sides?: string[];
  asOf?: string;
  include: OptionalLabel[];
}

function toGraph(nodes: Node[], relationships: Relationship[], attributes: Record<string, unknown>): SerializedGraph {
  const builder = new GraphBuilder();
  for (const node of nodes) builder.addNode(node);
  for (const relationship of relationships) builder.addRelationship(relationship);
  return builder.toSerialized(attributes);
}

export class GraphService {
  constructor(private readonly db: Database) {}

  /** One negotiation's graph, filtered, in one query. */
  async subgraph(filters: GraphFilters): Promise<SerializedGraph> {
    const [record] = await this.db.read('graph/subgraph', {
      negotiation: filters.negotiation,
      parties: filters.parties ?? null,
      issues: filters.issues ?? null,
      kinds: filters.kinds ?? null,
      sides: filters.sides ?? null,
      asOf: filters.asOf ?? null,
      include: filters.include,
    });
    if (!record) {
      throw new UnknownNegotiationError(filters.negotiation, '(see GET /api/negotiations)');
    }
    const { negotiation, ...applied } = filters;
    const { nodes, relationships } = graphParts('graph/subgraph', record);
    return toGraph(nodes, relationships, { negotiation, filters: applied });
  }

  async neighbourhood(id: string, depth: number): Promise<SerializedGraph> {
    const [record] = await this.db.read('graph/neighbourhood', { id, depth });
    if (!record) throw new UnknownNodeError(id);
    const { nodes, relationships } = graphParts('graph/neighbourhood', record);
    return toGraph(nodes, relationships, { center: id, depth });
  }
}
