/**
 * The rows of a result as a plain HTML table, sortable by a click (or Enter) on a column header, with the
 * row count, the cap, the time taken and a CSV download.
 */
import type { CypherResult, Json } from '../../api/client.ts';
import { h } from '../dom.ts';
import { compareValues, formatValue, toCsv } from './values.ts';

/** The table draws at most this many rows; the CSV has them all. */
const TABLE_ROWS = 1000;

/** Which of the console's limits cut the rows. */
function truncation(result: CypherResult): string {
  return result.truncatedBy === 'maxBytes'
    ? `the console returns at most about ${(result.maxBytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB of rows`
    : `the console returns at most ${result.maxRows.toLocaleString('en')} rows`;
}

export class ResultsTable {
  #result: CypherResult | null = null;
  #sort: { column: number; descending: boolean } | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly summary: HTMLElement,
    private readonly csvButton: HTMLButtonElement,
  ) {
    csvButton.addEventListener('click', () => this.#download());
  }

  show(result: CypherResult, graphNote: string): void {
    this.#result = result;
    this.#sort = null;
    const count = `${result.rowCount.toLocaleString('en')} ${result.rowCount === 1 ? 'row' : 'rows'}`;
    const cap = result.truncated ? ` (truncated: ${truncation(result)})` : '';
    this.summary.textContent = `${count} in ${result.elapsedMs.toLocaleString('en')} ms${cap}. ${graphNote}`;
    this.summary.dataset.truncated = String(result.truncated);
    this.csvButton.disabled = result.columns.length === 0;
    this.#render();
  }

  clear(message: string): void {
    this.#result = null;
    this.summary.textContent = message;
    this.csvButton.disabled = true;
    this.container.replaceChildren();
  }

  #rows(): Json[][] {
    const rows = this.#result?.rows ?? [];
    const sort = this.#sort;
    if (!sort) return rows;
    const sorted = [...rows].sort((a, b) => compareValues(a[sort.column] ?? null, b[sort.column] ?? null));
    return sort.descending ? sorted.reverse() : sorted;
  }

  #render(): void {
    const result = this.#result;
    if (!result) return;
    if (result.columns.length === 0) {
      this.container.replaceChildren(h('p', { class: 'hint' }, 'The query returned no columns.'));
      return;
    }
    const rows = this.#rows();
    const header = h(
      'tr',
      {},
      ...result.columns.map((column, index) => {
        const sorted = this.#sort?.column === index ? this.#sort : null;
        const button = h(
          'button',
          { type: 'button', class: 'sort', title: `Sort by ${column}` },
          column,
          h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sorted ? (sorted.descending ? ' ▼' : ' ▲') : ''),
        );
        button.addEventListener('click', () => {
          this.#sort = { column: index, descending: sorted ? !sorted.descending : false };
          this.#render();
          (this.container.querySelector(`th:nth-child(${index + 1}) button`) as HTMLButtonElement | null)?.focus();
        });
        return h(
          'th',
          { scope: 'col', 'aria-sort': sorted ? (sorted.descending ? 'descending' : 'ascending') : 'none' },
          button,
        );
      }),
    );
    const body = h(
      'tbody',
      {},
      ...rows.slice(0, TABLE_ROWS).map((row) =>
        h(
          'tr',
          {},
          ...row.map((value) => {
            const text = formatValue(value);
            return h('td', text.length > 80 ? { title: text } : {}, text);
          }),
        ),
      ),
    );
    const more =
      rows.length > TABLE_ROWS
        ? h(
            'p',
            { class: 'hint' },
            `The table shows the first ${TABLE_ROWS.toLocaleString('en')} rows; the CSV has all ${rows.length.toLocaleString('en')}.`,
          )
        : null;
    this.container.replaceChildren(
      h(
        'table',
        { id: 'console-table' },
        h('caption', { class: 'visually-hidden' }, 'Query results (column headers sort the rows)'),
        h('thead', {}, header),
        body,
      ),
      ...(more ? [more] : []),
    );
  }

  #download(): void {
    const result = this.#result;
    if (!result) return;
    const blob = new Blob([toCsv(result.columns, this.#rows())], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: `cypher-results-${new Date().toISOString().slice(0, 10)}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
