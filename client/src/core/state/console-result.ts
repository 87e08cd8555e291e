/** The Cypher console's graph on the canvas: in place of the negotiation's, or merged into it. */
import { signal } from '@preact/signals-core';
import type { SerializedGraph } from '../../api/client.ts';
import { mergeGraphs } from '../graph-data.ts';

export type ResultMode = 'replace' | 'merge';

export interface ConsoleResult {
  graph: SerializedGraph;
  mode: ResultMode;
}

export function createConsoleResultStore() {
  const result = signal<ConsoleResult | null>(null);
  return {
    result,
    /** Replacing starts over; merging adds to what is shown (the negotiation, or the results so far). */
    show(graph: SerializedGraph, mode: ResultMode) {
      const shown = result.peek();
      result.value =
        mode === 'merge' && shown ? { graph: mergeGraphs(shown.graph, graph), mode: shown.mode } : { graph, mode };
    },
    clear() {
      result.value = null;
    },
  };
}
export type ConsoleResultStore = ReturnType<typeof createConsoleResultStore>;
