/**
 * Where nodes start: reproducible. A new graph starts on a circle nudged by a seeded PRNG; a node new to
 * the view starts next to a neighbour that has a place, nudged by a PRNG seeded from the seed and its key.
 * With the fixed number of ForceAtlas2 iterations (layout/), the same graph and seed give the same picture.
 */

import { circular } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { AbstractGraph as Graph } from 'graphology-types';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** How many ForceAtlas2 iterations a run does, in steps of `LAYOUT_STEP` (the canvas redraws after each). */
export const LAYOUT_ITERATIONS = 600;
export const LAYOUT_STEP = 20;

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) | 0;
  return value;
}

export function placeNodes(graph: Graph, known: ReadonlyMap<string, { x: number; y: number }>, seed: number): void {
  const fresh = graph.filterNodes((key) => !known.has(key));
  if (fresh.length === graph.order) {
    circular.assign(graph, { scale: 100 });
    // Off the circle, so that ForceAtlas2 does not start from a symmetric state.
    const rng = xoroshiro128plus(seed);
    graph.updateEachNodeAttributes((_key, a) => ({
      ...a,
      x: a.x + uniformFloat64(rng) * 16 - 8,
      y: a.y + uniformFloat64(rng) * 16 - 8,
    }));
    return;
  }
  graph.forEachNode((key) => {
    const position = known.get(key);
    if (position) graph.mergeNodeAttributes(key, position);
  });
  for (const key of fresh) {
    const anchor = graph.neighbors(key).find((n) => known.has(n));
    const base = (anchor && known.get(anchor)) || { x: 0, y: 0 };
    const rng = xoroshiro128plus(seed ^ hash(key));
    graph.mergeNodeAttributes(key, {
      x: base.x + uniformFloat64(rng) * 4 - 2,
      y: base.y + uniformFloat64(rng) * 4 - 2,
    });
  }
}

/** ForceAtlas2's settings for a graph of this size. */
export function layoutSettings(graph: Graph) {
  return {
    ...forceAtlas2.inferSettings(graph),
    // Strong gravity keeps parties without links (concerned, not at the table) near the rest.
    strongGravityMode: true,
    gravity: 0.3,
    scalingRatio: 30,
    barnesHutOptimize: graph.order > 300,
  };
}
