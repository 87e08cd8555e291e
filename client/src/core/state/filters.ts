/** Filters (in the URL) and the legend entries switched off (`party:nato`, `kind:threat`, `type:Option`). */
import { computed, signal } from '@preact/signals-core';

export interface Filters {
  parties: string[];
  sides: string[];
  issues: string[];
  kinds: string[];
  /** YYYY-MM-DD: positions held by that day; empty for all. */
  asOf: string;
  /** Show the statements and sources behind positions. */
  evidence: boolean;
}

export function emptyFilters(): Filters {
  return { parties: [], sides: [], issues: [], kinds: [], asOf: '', evidence: false };
}

export function createFiltersStore(initial: Filters = emptyFilters()) {
  const filters = signal<Filters>(initial);
  const hidden = signal<ReadonlySet<string>>(new Set());
  return {
    filters,
    hidden,
    /** Whether the evidence is loaded: a change of it alone fetches the graph again. */
    evidence: computed(() => filters.value.evidence),
    set(change: Partial<Filters>) {
      filters.value = { ...filters.peek(), ...change };
    },
    /** Clears every filter but the evidence switch (it decides what is loaded, not what is shown). */
    clear() {
      filters.value = { ...emptyFilters(), evidence: filters.peek().evidence };
    },
    toggleHidden(key: string) {
      const next = new Set(hidden.peek());
      if (next.has(key)) next.delete(key);
      else next.add(key);
      hidden.value = next;
    },
  };
}
export type FiltersStore = ReturnType<typeof createFiltersStore>;
