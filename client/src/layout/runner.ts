/** Runs the layout worker on the canvas's graph and writes the positions back; the store says how far it is. */
import type Graph from 'graphology';
import { LAYOUT_ITERATIONS, LAYOUT_STEP, layoutSettings } from '../core/layout.ts';
import type { LayoutStore } from '../core/state/layout.ts';
import type { LayoutJob, LayoutProgress } from './protocol.ts';

export class LayoutRunner {
  #worker: Worker | null = null;

  constructor(
    private readonly graph: Graph,
    private readonly store: LayoutStore,
  ) {}

  start(): void {
    this.stop();
    const nodes = this.graph.nodes();
    if (nodes.length === 0) return;
    const index = new Map(nodes.map((key, i) => [key, i]));
    const xy = new Float64Array(nodes.length * 2);
    nodes.forEach((key, i) => {
      xy[2 * i] = this.graph.getNodeAttribute(key, 'x');
      xy[2 * i + 1] = this.graph.getNodeAttribute(key, 'y');
    });
    const edges = this.graph.mapEdges(
      (_edge, _a, source, target) => [index.get(source), index.get(target)] as [number, number],
    );
    const job: LayoutJob = {
      nodes,
      xy,
      edges,
      settings: layoutSettings(this.graph),
      iterations: LAYOUT_ITERATIONS,
      step: LAYOUT_STEP,
    };
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<LayoutProgress>) => {
      if (worker !== this.#worker) return;
      this.graph.updateEachNodeAttributes((key, attributes) => {
        const i = index.get(key);
        return i === undefined ? attributes : { ...attributes, x: data.xy[2 * i], y: data.xy[2 * i + 1] };
      });
      this.store.moved(data.fraction);
      if (data.done) this.stop();
    };
    this.#worker = worker;
    this.store.started();
    worker.postMessage(job, [xy.buffer]);
  }

  running(): boolean {
    return this.#worker !== null;
  }

  stop(): void {
    if (!this.#worker) return;
    this.#worker.terminate();
    this.#worker = null;
    this.store.stopped();
  }
}
