/**
 * Which nodes pass the filters and the legend: a pure function of a node's attributes and the view state.
 * The graph is never edited to hide anything; the canvas's reducers ask this.
 */
import type { Filters } from './state/filters.ts';

export interface NodeFacts {
  nodeType: string;
  kind?: string;
  parties?: string[];
  sides?: string[];
  slug?: string;
  since?: string;
  date?: string;
}

/** Whether a node passes the filters on its own; nodes that hang off others are settled by the caller. */
export function passesFilters(node: NodeFacts, filters: Filters, hidden: ReadonlySet<string>): boolean {
  if (hidden.has(`type:${node.nodeType}`)) return false;
  if (node.nodeType === 'Position') {
    if (node.kind && hidden.has(`kind:${node.kind}`)) return false;
    if (filters.kinds.length && !filters.kinds.includes(node.kind ?? '')) return false;
    if (filters.asOf && (node.since ?? '') > filters.asOf) return false;
    const parties = node.parties ?? [];
    if (parties.length && parties.every((p) => hidden.has(`party:${p}`))) return false;
    if (filters.parties.length && !parties.some((p) => filters.parties.includes(p))) return false;
    if (filters.sides.length && !(node.sides ?? []).some((s) => filters.sides.includes(s))) return false;
  }
  if (node.nodeType === 'Party') {
    const slug = node.slug ?? '';
    if (hidden.has(`party:${slug}`)) return false;
    if (filters.parties.length && !filters.parties.includes(slug)) return false;
    if (filters.sides.length && !(node.sides ?? []).some((s) => filters.sides.includes(s))) return false;
  }
  if (node.nodeType === 'Issue' && filters.issues.length && !filters.issues.includes(node.slug ?? '')) return false;
  if (node.nodeType === 'Statement' && filters.asOf && (node.date ?? '') > filters.asOf) return false;
  return true;
}

/** Minimal read access to the graph, so this stays testable without graphology. */
export interface GraphLike {
  forEachNode(callback: (key: string, attributes: Record<string, unknown>) => void): void;
  forEachEdge(
    callback: (key: string, attributes: Record<string, unknown>, source: string, target: string) => void,
  ): void;
}

/** Every node to draw: those passing the filters, with the nodes that only exist for others following them. */
export function visibleNodes(graph: GraphLike, filters: Filters, hidden: ReadonlySet<string>): Set<string> {
  const passing = new Set<string>();
  const types = new Map<string, string>();
  graph.forEachNode((key, attributes) => {
    types.set(key, String(attributes.nodeType));
    if (passesFilters(attributes as unknown as NodeFacts, filters, hidden)) passing.add(key);
  });
  const issueOf = new Map<string, string>(); // position or option → issue
  const evidences = new Map<string, string[]>(); // statement → positions
  const context = new Map<string, string[]>(); // source, person, event → statements
  graph.forEachEdge((_key, attributes, source, target) => {
    const relationship = attributes.relationship;
    if (relationship === 'ON') issueOf.set(source, target);
    else if (relationship === 'HAS_OPTION') issueOf.set(target, source);
    else if (relationship === 'EVIDENCES') evidences.set(source, [...(evidences.get(source) ?? []), target]);
    else if (relationship === 'REPORTED_IN' || relationship === 'MADE_AT')
      context.set(target, [...(context.get(target) ?? []), source]);
    else if (relationship === 'SAID') context.set(source, [...(context.get(source) ?? []), target]);
  });
  const visible = new Set<string>();
  for (const key of passing) {
    const type = types.get(key);
    const issue = issueOf.get(key);
    if ((type === 'Position' || type === 'Option') && issue && !passing.has(issue)) continue;
    if (type !== 'Statement' && type !== 'Source' && type !== 'Person' && type !== 'Event') visible.add(key);
  }
  for (const [statement, positions] of evidences) {
    if (passing.has(statement) && positions.some((p) => visible.has(p))) visible.add(statement);
  }
  for (const [node, statements] of context) {
    if (passing.has(node) && statements.some((s) => visible.has(s))) visible.add(node);
  }
  return visible;
}
