/**
 * Collects Neo4j nodes and relationships into graphology's serialization format.
 * A node's key is its stable `id` property (its element id when it has none), so the same thing has the
 * same key in every response and the client can merge results.
 */
import type { Node, Relationship } from 'neo4j-driver';
import type { GraphNodeAttributes, SerializedGraph } from '../../../shared/api/graph.ts';
import { plainProperties } from '../neo4j/values.ts';

// Properties whose names sigma or graphology give a meaning of their own.
const RENAMED: Record<string, string> = { type: 'partyType', x: 'propertyX', y: 'propertyY', size: 'propertySize' };

export class GraphBuilder {
  readonly #nodes = new Map<string, { key: string; attributes: GraphNodeAttributes }>();
  readonly #keyOfElement = new Map<string, string>();
  readonly #relationships = new Map<string, Relationship>();

  addNode(node: Node): string {
    const existing = this.#keyOfElement.get(node.elementId);
    if (existing) return existing;
    const properties = plainProperties(node.properties);
    const key = typeof properties.id === 'string' ? properties.id : node.elementId;
    const attributes: GraphNodeAttributes = { label: '', nodeType: node.labels[0] ?? 'Node', labels: node.labels };
    for (const [name, value] of Object.entries(properties)) attributes[RENAMED[name] ?? name] = value;
    attributes.label = String(properties.label ?? properties.name ?? properties.title ?? node.labels[0] ?? key);
    if (node.labels.includes('Party') && typeof properties.slug === 'string') {
      attributes.parties = [properties.slug];
      if (typeof properties.side === 'string') attributes.sides = [properties.side];
    }
    this.#keyOfElement.set(node.elementId, key);
    this.#nodes.set(key, { key, attributes });
    return key;
  }

  addRelationship(relationship: Relationship): void {
    this.#relationships.set(relationship.elementId, relationship);
  }

  /** Element ids of relationship ends that are not in the graph yet (the caller may fetch them). */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const r of this.#relationships.values()) {
      for (const end of [r.startNodeElementId, r.endNodeElementId]) if (!this.#keyOfElement.has(end)) missing.add(end);
    }
    return [...missing];
  }

  toSerialized(attributes: Record<string, unknown> = {}): SerializedGraph {
    const edges: SerializedGraph['edges'] = [];
    for (const r of this.#relationships.values()) {
      const source = this.#keyOfElement.get(r.startNodeElementId);
      const target = this.#keyOfElement.get(r.endNodeElementId);
      if (!source || !target) continue; // an end the caller chose not to fetch
      edges.push({
        key: `${source}|${r.type}|${target}`,
        source,
        target,
        attributes: { relationship: r.type, ...plainProperties(r.properties) },
      });
    }
    this.#annotatePositions(edges);
    return {
      attributes,
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: [...this.#nodes.values()].sort((a, b) => a.key.localeCompare(b.key)),
      edges: edges.sort((a, b) => a.key.localeCompare(b.key)),
    };
  }

  /** A position's parties and sides are those of its holders in the graph (HOLDS edges). */
  #annotatePositions(edges: SerializedGraph['edges']): void {
    for (const edge of edges) {
      if (edge.attributes.relationship !== 'HOLDS') continue;
      const holder = this.#nodes.get(edge.source)?.attributes;
      const position = this.#nodes.get(edge.target)?.attributes;
      if (!holder || !position) continue;
      position.parties = [...new Set([...(position.parties ?? []), ...(holder.parties ?? [])])].sort();
      position.sides = [...new Set([...(position.sides ?? []), ...(holder.sides ?? [])])].sort();
    }
  }
}
