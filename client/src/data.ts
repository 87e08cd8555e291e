/**
 * The explorer's data: effects that fetch what the stores say is needed (the negotiation's graph, the
 * overlap report, the selection's details) and hand the answers to the stores. Views never fetch.
 */
import { effect } from '@preact/signals-core';
import { ApiError, api } from './api/client.ts';
import { type AppState, EVIDENCE_TYPES } from './core/state/index.ts';

export function loadData(app: AppState): () => void {
  const { negotiation, filters, whatIf, selection } = app;
  let graphAsked = 0;
  let reportAsked = 0;
  const loadGraph = async (id: string, evidence: boolean) => {
    const ask = ++graphAsked;
    negotiation.loading();
    try {
      const graph = await api.graph(id, evidence ? EVIDENCE_TYPES : []);
      if (ask === graphAsked) negotiation.loaded(graph);
    } catch (error) {
      if (ask === graphAsked) negotiation.failed((error as Error).message);
    }
  };
  const disposers = [
    effect(() => {
      const id = negotiation.current.value?.id;
      const evidence = filters.evidence.value;
      if (id) void loadGraph(id, evidence);
    }),
    effect(() => {
      const id = negotiation.current.value?.id;
      const without = whatIf.without.value;
      if (!id) return;
      const ask = ++reportAsked;
      whatIf.loading();
      api.overlaps(id, [...without]).then(
        (report) => ask === reportAsked && whatIf.reported(report),
        (error: Error) => ask === reportAsked && whatIf.failed(error.message),
      );
    }),
    effect(() => {
      const id = selection.selected.value;
      if (!id) {
        selection.detailsChanged(null);
        return;
      }
      selection.detailsChanged({ id, state: 'loading' });
      api.node(id).then(
        (node) => selection.detailsChanged({ id, state: 'ready', node }),
        (error: Error) =>
          selection.detailsChanged(
            error instanceof ApiError && error.status === 404
              ? { id, state: 'missing' }
              : { id, state: 'failed', message: error.message },
          ),
      );
    }),
  ];
  return () => {
    for (const dispose of disposers) dispose();
  };
}

/** Loads the graph again after a failure (the banner's retry). */
export function reloadGraph(app: AppState): void {
  const current = app.negotiation.current.peek();
  if (current) app.negotiation.current.value = { ...current };
}
