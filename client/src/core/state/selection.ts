/** What the user selected and hovers, how they selected it, and its details as the API sent them. */
import { signal } from '@preact/signals-core';
import type { NodeDetails } from '../../api/client.ts';

/** Where a selection came from: it decides whether the camera frames it and where keyboard focus goes. */
export type SelectedVia = 'url' | 'canvas' | 'search' | 'details';

export type Details =
  | { id: string; state: 'loading' }
  | { id: string; state: 'ready'; node: NodeDetails }
  | { id: string; state: 'missing' }
  | { id: string; state: 'failed'; message: string };

export function createSelectionStore(initial: string | null) {
  const selected = signal<string | null>(initial);
  const via = signal<SelectedVia>('url');
  const hovered = signal<string | null>(null);
  const details = signal<Details | null>(null);
  return {
    selected,
    via,
    hovered,
    details,
    select(id: string, from: SelectedVia) {
      via.value = from;
      selected.value = id;
    },
    clear() {
      selected.value = null;
    },
    hover(id: string | null) {
      hovered.value = id;
    },
    /** Details for `id` arrived (or failed); ignored when another selection overtook it. */
    detailsChanged(next: Details | null) {
      if (next && next.id !== selected.peek()) return;
      details.value = next;
    },
  };
}
export type SelectionStore = ReturnType<typeof createSelectionStore>;
