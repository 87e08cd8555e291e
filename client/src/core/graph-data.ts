/** Pure helpers over a graph as the API sends it (graphology's serialization), for the derived state. */
import type { SerializedGraph } from '../api/client.ts';
import { PALETTE, paletteColor } from './appearance.ts';
import type { GraphLike } from './visibility.ts';

/** Both graphs' nodes and edges; a node in both keeps the attributes of the first, completed by the second. */
export function mergeGraphs(base: SerializedGraph, added: SerializedGraph): SerializedGraph {
  const nodes = new Map(base.nodes.map((n) => [n.key, n]));
  for (const node of added.nodes) {
    const known = nodes.get(node.key);
    nodes.set(node.key, known ? { key: node.key, attributes: { ...node.attributes, ...known.attributes } } : node);
  }
  const edges = new Map(base.edges.map((e) => [e.key, e]));
  for (const edge of added.edges) if (!edges.has(edge.key)) edges.set(edge.key, edge);
  return { ...base, nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The read access `visibleNodes` needs, over serialized data. */
export function asGraphLike(graph: SerializedGraph): GraphLike {
  return {
    forEachNode: (callback) => {
      for (const node of graph.nodes) callback(node.key, node.attributes);
    },
    forEachEdge: (callback) => {
      for (const edge of graph.edges) callback(edge.key, edge.attributes, edge.source, edge.target);
    },
  };
}

/** The nodes linked to `center`, either way. */
export function neighboursOf(graph: SerializedGraph, center: string): Set<string> {
  const found = new Set<string>();
  for (const edge of graph.edges) {
    if (edge.source === center) found.add(edge.target);
    if (edge.target === center) found.add(edge.source);
  }
  return found;
}

/**
 * A colour per party of the negotiation, fixed for as long as it is on screen: its own colour, else the
 * palette's next one that no party has as its own, in the negotiation's order of parties, so a console
 * result never recolours a party and a party without a colour never looks like one with it.
 */
export function partyColours(graph: SerializedGraph | null): Map<string, string> {
  const parties = (graph?.nodes ?? []).map((n) => n.attributes).filter((a) => a.nodeType === 'Party');
  const own = new Set(parties.map((a) => a.color).filter((c) => typeof c === 'string'));
  const free = PALETTE.filter((c) => !own.has(c));
  const spare = free.length ? free : PALETTE;
  const colours = new Map<string, string>();
  let index = 0;
  for (const party of parties) {
    if (typeof party.slug !== 'string') continue;
    colours.set(party.slug, typeof party.color === 'string' ? party.color : (spare[index++ % spare.length] as string));
  }
  return colours;
}

/** A party the negotiation does not know (a result from another one) still gets a stable colour. */
export function colourOfParty(colours: ReadonlyMap<string, string>, slug: string): string {
  const known = colours.get(slug);
  if (known) return known;
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return paletteColor(Math.abs(hash));
}
