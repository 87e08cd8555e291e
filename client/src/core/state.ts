/**
 * The explorer's view state: filters, selection, what the legend hides. It is not the graph: reducers turn
 * it into what is drawn. Filters and the selection live in the URL so a view can be shared and restored.
 */

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

export interface ViewState {
  negotiation: string;
  filters: Filters;
  selected: string | null;
  hovered: string | null;
  /** Legend entries switched off: `party:nato`, `kind:threat`, `type:Option`. */
  hidden: Set<string>;
  /** The issue the overlap view focuses on, with the nodes to keep in view. */
  focus: { issue: string; nodes: Set<string> } | null;
  /** Verdict per issue id, to colour issues. */
  verdicts: Map<string, string>;
}

type Listener = (state: ViewState) => void;

export function emptyFilters(): Filters {
  return { parties: [], sides: [], issues: [], kinds: [], asOf: '', evidence: false };
}

export class Store {
  readonly #listeners = new Set<Listener>();
  constructor(public state: ViewState) {}

  update(change: Partial<ViewState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.#listeners) listener(this.state);
  }

  setFilters(change: Partial<Filters>): void {
    this.update({ filters: { ...this.state.filters, ...change } });
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const LISTS = ['party', 'side', 'issue', 'kind'] as const;
const KEY = { party: 'parties', side: 'sides', issue: 'issues', kind: 'kinds' } as const;

export function readUrl(search: string): { negotiation: string | null; filters: Filters; selected: string | null } {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const name of LISTS) filters[KEY[name]] = (params.get(name) ?? '').split(',').filter(Boolean);
  filters.asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') ?? '') ? (params.get('asOf') as string) : '';
  filters.evidence = params.get('evidence') === '1';
  return { negotiation: params.get('negotiation'), filters, selected: params.get('node') };
}

export function writeUrl(state: ViewState): string {
  const params = new URLSearchParams({ negotiation: state.negotiation });
  for (const name of LISTS) {
    const values = state.filters[KEY[name]];
    if (values.length) params.set(name, values.join(','));
  }
  if (state.filters.asOf) params.set('asOf', state.filters.asOf);
  if (state.filters.evidence) params.set('evidence', '1');
  if (state.selected) params.set('node', state.selected);
  return `?${params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}
