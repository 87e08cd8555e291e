/** The part of the state a link carries: the negotiation, the filters and the selection. */
import { emptyFilters, type Filters } from './state/filters.ts';

const LISTS = ['party', 'side', 'issue', 'kind'] as const;
const KEY = { party: 'parties', side: 'sides', issue: 'issues', kind: 'kinds' } as const;

export interface Shared {
  negotiation: string | null;
  filters: Filters;
  selected: string | null;
}

export function readUrl(search: string): Shared {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const name of LISTS) filters[KEY[name]] = (params.get(name) ?? '').split(',').filter(Boolean);
  filters.asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') ?? '') ? (params.get('asOf') as string) : '';
  filters.evidence = params.get('evidence') === '1';
  return { negotiation: params.get('negotiation'), filters, selected: params.get('node') || null };
}

export function writeUrl(shared: Shared): string {
  const params = new URLSearchParams(shared.negotiation ? { negotiation: shared.negotiation } : {});
  for (const name of LISTS) {
    const values = shared.filters[KEY[name]];
    if (values.length) params.set(name, values.join(','));
  }
  if (shared.filters.asOf) params.set('asOf', shared.filters.asOf);
  if (shared.filters.evidence) params.set('evidence', '1');
  if (shared.selected) params.set('node', shared.selected);
  return `?${params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}
