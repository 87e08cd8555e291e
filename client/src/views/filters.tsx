/** Filters: parties, sides, issues, position kinds, and a date slider for the graph as it stood on a day. */
import type { SerializedGraph } from '../api/client.ts';
import { KIND_STYLE } from '../core/appearance.ts';
import type { Filters } from '../core/state/filters.ts';
import type { AppState } from '../core/state/index.ts';

type Entry = { value: string; label: string };

function CheckboxGroup(props: {
  legend: string;
  name: string;
  entries: Entry[];
  selected: string[];
  onChange(values: string[]): void;
}) {
  const { legend, name, entries, selected, onChange } = props;
  return (
    <fieldset class="checkboxes">
      <legend>{legend}</legend>
      {entries.map((entry) => (
        <label key={entry.value}>
          <input
            type="checkbox"
            name={name}
            value={entry.value}
            checked={selected.includes(entry.value)}
            onChange={(event) =>
              onChange(
                event.currentTarget.checked ? [...selected, entry.value] : selected.filter((v) => v !== entry.value),
              )
            }
          />
          {entry.label}
        </label>
      ))}
    </fieldset>
  );
}

/** What the graph shown offers to filter by: its parties at the table, sides, issues, and days positions began. */
export function filterChoices(graph: SerializedGraph) {
  const parties: Entry[] = [];
  const issues: Entry[] = [];
  const sides = new Map<string, string>();
  const days = new Set<string>();
  for (const { attributes: a } of graph.nodes) {
    if (a.nodeType === 'Party' && a.side) {
      parties.push({ value: String(a.slug), label: String(a.label) });
      sides.set(String(a.side), String(a.sideLabel ?? a.side));
    }
    if (a.nodeType === 'Issue') issues.push({ value: String(a.slug), label: String(a.label) });
    if (a.nodeType === 'Position' && typeof a.since === 'string') days.add(a.since);
  }
  issues.sort((a, b) => a.label.localeCompare(b.label));
  return {
    parties,
    issues,
    sides: [...sides].map(([value, label]) => ({ value, label })),
    days: [...days].sort(),
  };
}

export function FiltersPanel({ app }: { app: AppState }) {
  const filters = app.filters.filters.value;
  const { parties, issues, sides, days } = filterChoices(app.derived.shownGraph.value);
  const set = (change: Partial<Filters>) => app.filters.set(change);
  const sliderAt = filters.asOf ? Math.max(0, days.filter((d) => d <= filters.asOf).length - 1) : days.length;
  return (
    <>
      <h2>Filters</h2>
      <CheckboxGroup
        legend="Parties at the table"
        name="party"
        entries={parties}
        selected={filters.parties}
        onChange={(values) => set({ parties: values })}
      />
      <CheckboxGroup
        legend="Sides"
        name="side"
        entries={sides}
        selected={filters.sides}
        onChange={(values) => set({ sides: values })}
      />
      <CheckboxGroup
        legend="Position kinds"
        name="kind"
        entries={Object.entries(KIND_STYLE).map(([value, style]) => ({ value, label: style.label }))}
        selected={filters.kinds}
        onChange={(values) => set({ kinds: values })}
      />
      <label class="block" for="filter-issue">
        Issues
      </label>
      <select
        id="filter-issue"
        multiple
        size={6}
        aria-label="Issues"
        onChange={(event) => set({ issues: [...event.currentTarget.selectedOptions].map((o) => o.value) })}
      >
        {issues.map((issue) => (
          <option key={issue.value} value={issue.value} selected={filters.issues.includes(issue.value)}>
            {issue.label}
          </option>
        ))}
      </select>
      <label class="block" for="filter-date">
        {'Positions as they stood on: '}
        <output id="filter-date-label" for="filter-date">
          {filters.asOf || 'all dates'}
        </output>
      </label>
      <input
        type="range"
        id="filter-date"
        min="0"
        max={String(days.length)}
        step="1"
        value={String(sliderAt)}
        aria-label="Show positions as they stood on a day"
        onInput={(event) => {
          const index = Number(event.currentTarget.value);
          set({ asOf: index >= days.length ? '' : (days[index] ?? '') });
        }}
      />
      <label class="block">
        <input
          type="checkbox"
          id="filter-evidence"
          checked={filters.evidence}
          onChange={(event) => set({ evidence: event.currentTarget.checked })}
        />
        {' Show the statements and sources behind positions'}
      </label>
      <button type="button" id="filters-clear" onClick={() => app.filters.clear()}>
        Clear filters
      </button>
    </>
  );
}
