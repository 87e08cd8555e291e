/**
 * GET /api/graph and the console's drawings. Graphs travel in graphology's serialization format, so the client does `Graph.from(body)`.
 */

export interface GraphNodeAttributes {
  /** Text to show. */
  label: string;
  /** The node's Neo4j label (its kind of thing); `nodeType` because sigma reserves `type`. */
  nodeType: string;
  /** Every Neo4j label of the node. */
  labels: string[];
  /** For a position: its kind (demand, red-line, …). */
  kind?: string;
  /** Party ids (slugs): a party's own, or the holders of a position. */
  parties?: string[];
  /** Side ids: a party's side, or the sides of a position's holders. */
  sides?: string[];
  color?: string;
  /** The node's other properties, as plain JSON (dates as ISO strings). */
  [property: string]: unknown;
}

export interface GraphEdgeAttributes {
  /** The Neo4j relationship type (HOLDS, FOR, …); `relationship` because sigma reserves `type`. */
  relationship: string;
  [property: string]: unknown;
}

export interface SerializedGraph {
  attributes: Record<string, unknown>;
  options: { type: 'directed'; multi: true; allowSelfLoops: true };
  nodes: Array<{ key: string; attributes: GraphNodeAttributes }>;
  edges: Array<{ key: string; source: string; target: string; attributes: GraphEdgeAttributes }>;
}
