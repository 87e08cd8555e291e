/** Filters: parties, sides, issues, position kinds, and a date slider for the graph as it stood on a day. */
import type Graph from 'graphology';
import { KIND_STYLE } from '../core/appearance.ts';
import type { Store } from '../core/state.ts';
import { byId, h } from './dom.ts';

function checkboxGroup(
  legend: string,
  name: string,
  entries: Array<{ value: string; label: string }>,
  selected: string[],
  onChange: (values: string[]) => void,
): HTMLFieldSetElement {
  const fieldset = h('fieldset', { class: 'checkboxes' }, h('legend', {}, legend));
  for (const entry of entries) {
    const input = h('input', { type: 'checkbox', name, value: entry.value, checked: selected.includes(entry.value) });
    input.addEventListener('change', () => {
      const checked = [...fieldset.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
      onChange(checked);
    });
    fieldset.append(h('label', {}, input, entry.label));
  }
  return fieldset;
}

/** Every day on which a position was first held, for the slider's stops. */
function positionDays(graph: Graph): string[] {
  const days = new Set<string>();
  graph.forEachNode((_k, a) => {
    if (a.nodeType === 'Position' && typeof a.since === 'string') days.add(a.since);
  });
  return [...days].sort();
}

export function renderFilters(graph: Graph, store: Store): void {
  const container = byId('filters');
  const { filters } = store.state;
  const parties: Array<{ value: string; label: string; side?: string }> = [];
  const issues: Array<{ value: string; label: string }> = [];
  const sides = new Map<string, string>();
  graph.forEachNode((_k, a) => {
    if (a.nodeType === 'Party' && a.side) parties.push({ value: String(a.slug), label: String(a.label) });
    if (a.nodeType === 'Party' && a.side) sides.set(String(a.side), String(a.sideLabel ?? a.side));
    if (a.nodeType === 'Issue') issues.push({ value: String(a.slug), label: String(a.label) });
  });
  issues.sort((a, b) => a.label.localeCompare(b.label));

  const issueSelect = h('select', { id: 'filter-issue', multiple: true, size: '6', 'aria-label': 'Issues' });
  for (const issue of issues) {
    issueSelect.append(
      h('option', { value: issue.value, selected: filters.issues.includes(issue.value) }, issue.label),
    );
  }
  issueSelect.addEventListener('change', () => {
    store.setFilters({ issues: [...issueSelect.selectedOptions].map((o) => o.value) });
  });

  const days = positionDays(graph);
  const slider = h('input', {
    type: 'range',
    id: 'filter-date',
    min: '0',
    max: String(days.length),
    step: '1',
    value: String(filters.asOf ? Math.max(0, days.filter((d) => d <= filters.asOf).length - 1) : days.length),
    'aria-label': 'Show positions as they stood on a day',
  });
  const dayLabel = h('output', { id: 'filter-date-label', for: 'filter-date' }, filters.asOf || 'all dates');
  slider.addEventListener('input', () => {
    const index = Number(slider.value);
    const asOf = index >= days.length ? '' : (days[index] ?? '');
    dayLabel.textContent = asOf || 'all dates';
    store.setFilters({ asOf });
  });

  const evidence = h('input', { type: 'checkbox', id: 'filter-evidence', checked: filters.evidence });
  evidence.addEventListener('change', () => store.setFilters({ evidence: evidence.checked }));

  container.replaceChildren(
    h('h2', {}, 'Filters'),
    checkboxGroup('Parties at the table', 'party', parties, filters.parties, (values) =>
      store.setFilters({ parties: values }),
    ),
    checkboxGroup(
      'Sides',
      'side',
      [...sides].map(([value, label]) => ({ value, label })),
      filters.sides,
      (values) => store.setFilters({ sides: values }),
    ),
    checkboxGroup(
      'Position kinds',
      'kind',
      Object.entries(KIND_STYLE).map(([value, style]) => ({ value, label: style.label })),
      filters.kinds,
      (values) => store.setFilters({ kinds: values }),
    ),
    h('label', { class: 'block', for: 'filter-issue' }, 'Issues'),
    issueSelect,
    h('label', { class: 'block', for: 'filter-date' }, 'Positions as they stood on: ', dayLabel),
    slider,
    h('label', { class: 'block' }, evidence, ' Show the statements and sources behind positions'),
    h(
      'button',
      {
        type: 'button',
        id: 'filters-clear',
        onclick: () => {
          store.setFilters({ parties: [], sides: [], issues: [], kinds: [], asOf: '' });
          renderFilters(graph, store);
        },
      },
      'Clear filters',
    ),
  );
}
