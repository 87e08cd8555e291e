/** The negotiation on screen: the ones the database holds, the one chosen, and its graph as the API sent it. */
import { signal } from '@preact/signals-core';
import type { NegotiationSummary, SerializedGraph } from '../../api/client.ts';

export type LoadStatus = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

export function createNegotiationStore() {
  const list = signal<NegotiationSummary[]>([]);
  const current = signal<NegotiationSummary | null>(null);
  const graph = signal<SerializedGraph | null>(null);
  const status = signal<LoadStatus>({ state: 'loading' });
  return {
    list,
    current,
    graph,
    status,
    /** The database's negotiations arrived; `wanted` (from the URL) is chosen when it is one of them. */
    listed(negotiations: NegotiationSummary[], wanted: string | null) {
      list.value = negotiations;
      current.value = negotiations.find((n) => n.id === wanted) ?? negotiations[0] ?? null;
    },
    loading() {
      status.value = { state: 'loading' };
    },
    loaded(serialized: SerializedGraph) {
      graph.value = serialized;
      status.value = { state: 'ready' };
    },
    failed(message: string) {
      status.value = { state: 'failed', message };
    },
  };
}
export type NegotiationStore = ReturnType<typeof createNegotiationStore>;
