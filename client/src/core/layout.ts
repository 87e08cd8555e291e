/**
 * The layout: ForceAtlas2 in a web worker, started on a new graph and stopped after a while (or by the
 * user); positions stay where they settled. Progress is time-based: FA2 has no end of its own.
 */
import type Graph from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';

export interface LayoutControl {
  running(): boolean;
  start(): void;
  stop(): void;
  kill(): void;
}

export function placeNewNodes(graph: Graph, known: Map<string, { x: number; y: number }>): void {
  const fresh = graph.filterNodes((key) => !known.has(key));
  if (fresh.length === graph.order) {
    circular.assign(graph, { scale: 100 });
    // Nudge nodes off the circle deterministically, so that FA2 does not start from a symmetric state.
    graph.forEachNode((key, attributes) => {
      let hash = 0;
      for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) | 0;
      graph.mergeNodeAttributes(key, { x: attributes.x + (hash % 17), y: attributes.y + ((hash >> 5) % 17) });
    });
    return;
  }
  graph.forEachNode((key) => {
    const position = known.get(key);
    if (position) graph.mergeNodeAttributes(key, position);
  });
  // A node new to the view starts next to a neighbour that already has a place.
  for (const key of fresh) {
    const anchor = graph.neighbors(key).find((n) => known.has(n));
    const base = anchor ? known.get(anchor) : { x: 0, y: 0 };
    graph.mergeNodeAttributes(key, {
      x: (base?.x ?? 0) + Math.random() * 4 - 2,
      y: (base?.y ?? 0) + Math.random() * 4 - 2,
    });
  }
}

export function createLayout(
  graph: Graph,
  onProgress: (fraction: number, running: boolean) => void,
  seconds = 8,
): LayoutControl {
  const settings = forceAtlas2.inferSettings(graph);
  // Strong gravity keeps parties without links (concerned, not at the table) near the rest instead of at the edge.
  const layout = new FA2Layout(graph, {
    settings: {
      ...settings,
      strongGravityMode: true,
      gravity: 0.3,
      scalingRatio: 30,
      barnesHutOptimize: graph.order > 300,
    },
  });
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (layout.isRunning()) layout.stop();
    onProgress(1, false);
  };
  return {
    running: () => layout.isRunning(),
    start() {
      stop();
      const started = performance.now();
      layout.start();
      onProgress(0, true);
      timer = setInterval(() => {
        const fraction = (performance.now() - started) / (seconds * 1000);
        if (fraction >= 1) stop();
        else onProgress(fraction, true);
      }, 200);
    },
    stop,
    kill() {
      stop();
      layout.kill();
    },
  };
}
