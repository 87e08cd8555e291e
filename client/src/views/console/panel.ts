/**
 * The Cypher console's panel: wires the editor, the parameters, the saved queries, the history and the
 * results together, runs queries through POST /api/cypher and draws their graph on the canvas.
 */
import { ApiError, api, type SavedQuery, type SerializedGraph } from '../../api/client.ts';
import { byId, h } from '../dom.ts';
import { QueryEditor } from './editor.ts';
import { addToHistory, clearHistory, type HistoryEntry, readHistory } from './history.ts';
import { ParamsError, paramNames, paramsText, parseParams } from './params.ts';
import { ResultsTable } from './results.ts';
import { loadSchema } from './schema.ts';

export type GraphMode = 'replace' | 'merge' | 'none';

export interface ConsoleHost {
  /** Draws a result's graph on the canvas (Canvas.showGraph). */
  showGraph(serialized: SerializedGraph, mode: 'replace' | 'merge'): void;
  /** Called after a graph was drawn, to refresh what depends on it; returns the canvas's counts. */
  graphShown(): { nodes: number; links: number };
  /** The negotiation on screen: a saved query's `negotiation` parameter starts with it. */
  negotiation(): string;
}

const FIRST_QUERY = 'MATCH (party:Party)-[:HOLDS]->(position:Position)\nRETURN party, position\nLIMIT 25';

export class ConsolePanel {
  readonly editor: QueryEditor;
  readonly #params = byId<HTMLTextAreaElement>('console-params');
  readonly #error = byId('console-error');
  readonly #runButton = byId<HTMLButtonElement>('console-run');
  readonly #results: ResultsTable;
  readonly #historyList = byId<HTMLOListElement>('console-history');
  #saved: SavedQuery[] = [];
  #running = false;

  constructor(private readonly host: ConsoleHost) {
    const history = readHistory();
    this.editor = new QueryEditor(
      byId('console-editor'),
      history[0]?.query ?? FIRST_QUERY,
      () => void this.run(),
      'Cypher query (Ctrl+Enter or Cmd+Enter runs it)',
    );
    this.#params.value = history[0]?.params ?? '{}';
    this.#results = new ResultsTable(
      byId('console-results'),
      byId('console-summary'),
      byId<HTMLButtonElement>('console-csv'),
    );
    this.#runButton.addEventListener('click', () => void this.run());
    // Ctrl/Cmd+Enter runs from anywhere in the panel (the editor handles it first, and says so).
    byId('console').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
        event.preventDefault();
        void this.run();
      }
    });
    this.#params.addEventListener('input', () => {
      this.#params.removeAttribute('aria-invalid');
      this.#updateParameterCompletion();
    });
    byId('console-history-clear').addEventListener('click', () => {
      clearHistory();
      this.#renderHistory([]);
    });
    this.#updateParameterCompletion();
    this.#renderHistory(history);
    void this.#loadSchema();
    void this.#loadSavedQueries();
  }

  focus(): void {
    this.editor.focus();
  }

  async run(): Promise<void> {
    if (this.#running) return;
    const query = this.editor.value.trim();
    this.#hideError();
    if (!query) {
      this.#showError('Write a query first.');
      return;
    }
    let params: Record<string, unknown>;
    try {
      params = parseParams(this.#params.value);
    } catch (error) {
      if (!(error instanceof ParamsError)) throw error;
      this.#params.setAttribute('aria-invalid', 'true');
      this.#showError(error.message, 'params');
      return;
    }
    this.#renderHistory(addToHistory({ query, params: this.#params.value, at: new Date().toISOString() }));
    this.#running = true;
    this.#runButton.disabled = true;
    byId('console').setAttribute('aria-busy', 'true');
    this.#results.clear('Running…');
    try {
      const result = await api.cypher(query, params);
      this.#results.show(result, this.#draw(result.graph));
    } catch (error) {
      this.#results.clear('');
      this.#showProblem(error);
    } finally {
      this.#running = false;
      this.#runButton.disabled = false;
      byId('console').removeAttribute('aria-busy');
    }
  }

  /** Draws the result's graph as the user chose; says what happened. */
  #draw(graph: SerializedGraph): string {
    const mode = (document.querySelector('input[name="console-graph-mode"]:checked') as HTMLInputElement | null)
      ?.value as GraphMode | undefined;
    if (mode === 'none') return 'The graph was not drawn (table only).';
    if (graph.nodes.length === 0) return 'No nodes to draw: the canvas is unchanged.';
    this.host.showGraph(graph, mode === 'merge' ? 'merge' : 'replace');
    const { nodes, links } = this.host.graphShown();
    const drawn = `${graph.nodes.length} nodes and ${graph.edges.length} links`;
    return mode === 'merge'
      ? `Merged ${drawn} into the canvas (${nodes} nodes, ${links} links in all).`
      : `The canvas shows the result: ${drawn}.`;
  }

  #showProblem(error: unknown): void {
    if (!(error instanceof ApiError)) {
      this.#showError((error as Error).message);
      return;
    }
    const type = String(error.body.type ?? '').replace(/^.*\//, '') || (error.unavailable ? 'unavailable' : 'error');
    const position = error.body.position as { line: number; column: number; offset: number } | undefined;
    if (position && Number.isInteger(position.offset)) {
      this.editor.markError(position.offset, error.detail);
      this.#showError(`${error.title} at line ${position.line}, column ${position.column}: ${error.detail}`, type);
    } else {
      this.#showError(`${error.title}: ${error.detail}`, type);
    }
  }

  #showError(message: string, type = 'error'): void {
    this.#error.replaceChildren(h('strong', {}, 'Error '), message);
    this.#error.dataset.type = type;
    this.#error.hidden = false;
  }

  #hideError(): void {
    this.#error.hidden = true;
    this.#error.replaceChildren();
    delete this.#error.dataset.type;
    this.editor.clearError();
  }

  async #loadSchema(): Promise<void> {
    const note = byId('console-schema');
    try {
      const schema = await loadSchema();
      this.editor.setSchema(schema);
      note.textContent = `Completion knows ${schema.labels.length} labels, ${schema.relationshipTypes.length} relationship types and ${schema.propertyKeys.length} property keys.`;
      byId('console').dataset.schemaLoaded = 'true';
    } catch (error) {
      note.textContent = `Completion of labels and properties is unavailable: ${(error as Error).message}`;
    }
  }

  #updateParameterCompletion(): void {
    this.editor.setSchema({ parameters: paramNames(this.#params.value).map((name) => `$${name}`) });
  }

  async #loadSavedQueries(): Promise<void> {
    const select = byId<HTMLSelectElement>('console-saved');
    const description = byId('console-saved-description');
    try {
      this.#saved = (await api.queries()).queries;
    } catch (error) {
      description.textContent = `The saved queries could not be loaded: ${(error as Error).message}`;
      return;
    }
    select.replaceChildren(
      h('option', { value: '' }, `Choose one of ${this.#saved.length} saved queries…`),
      ...this.#saved.map((q) => h('option', { value: q.name, title: q.description }, q.title)),
    );
    select.addEventListener('change', () => {
      const saved = this.#saved.find((q) => q.name === select.value);
      description.textContent = saved?.description ?? '';
      if (!saved) return;
      this.#hideError();
      this.editor.value = saved.query;
      const overrides = saved.parameters.some((p) => p.name === 'negotiation')
        ? { negotiation: this.host.negotiation() }
        : {};
      this.#params.value = paramsText(saved.parameters, overrides);
      this.#params.removeAttribute('aria-invalid');
      this.#updateParameterCompletion();
    });
  }

  #renderHistory(entries: HistoryEntry[]): void {
    byId<HTMLButtonElement>('console-history-clear').disabled = entries.length === 0;
    if (entries.length === 0) {
      this.#historyList.replaceChildren(h('li', { class: 'hint' }, 'Queries you run appear here.'));
      return;
    }
    this.#historyList.replaceChildren(
      ...entries.map((entry) => {
        const firstLine = entry.query.split('\n').find((line) => line.trim() && !line.trim().startsWith('//')) ?? '';
        const load = () => {
          this.#hideError();
          this.editor.value = entry.query;
          this.#params.value = entry.params;
          this.#updateParameterCompletion();
        };
        return h(
          'li',
          { class: 'history-entry' },
          h(
            'button',
            {
              type: 'button',
              class: 'history-load',
              title: `Load into the editor:\n${entry.query}\nParameters: ${entry.params}`,
              onclick: () => {
                load();
                this.editor.focus();
              },
            },
            firstLine.trim().slice(0, 90) || entry.query.slice(0, 90),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'history-run',
              'aria-label': `Run again: ${firstLine.trim().slice(0, 60)}`,
              onclick: () => {
                load();
                void this.run();
              },
            },
            'Run',
          ),
          h('time', { datetime: entry.at, class: 'hint' }, entry.at.slice(0, 16).replace('T', ' ')),
        );
      }),
    );
  }
}
