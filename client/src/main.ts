/** The explorer: wires the API, the view state and the views together. */
import { ApiError, api } from './api/client.ts';
import { readUrl, Store, writeUrl } from './core/state.ts';
import './styles.css';
import { showUnavailable } from './views/banner.ts';
import { Canvas } from './views/canvas.ts';
import { setUpConsole } from './views/console/index.ts';
import { showDetails } from './views/details.ts';
import { byId, h } from './views/dom.ts';
import { setUpExport } from './views/export.ts';
import { renderFilters } from './views/filters.ts';
import { renderLegend } from './views/legend.ts';
import { OverlapView } from './views/overlaps.ts';
import { setUpSearch } from './views/search.ts';

const EVIDENCE_LABELS = ['Statement', 'Source', 'Person'];

function setStatus(text: string): void {
  byId('status').textContent = text;
}

async function boot(): Promise<void> {
  const fromUrl = readUrl(window.location.search);
  let negotiations: Awaited<ReturnType<typeof api.negotiations>>['negotiations'];
  try {
    negotiations = (await api.negotiations()).negotiations;
  } catch (error) {
    setStatus('');
    showUnavailable(
      error instanceof ApiError && error.status === 503 ? 'The database is unavailable.' : (error as Error).message,
      () => window.location.reload(),
    );
    return;
  }
  if (negotiations.length === 0) {
    setStatus('The database holds no negotiation yet. Load one with `npm run load -- data/<file>.yaml`.');
    return;
  }
  const negotiation = negotiations.find((n) => n.id === fromUrl.negotiation) ?? negotiations[0];
  if (!negotiation) return;
  byId('negotiation-title').textContent = negotiation.label;

  const store = new Store({
    negotiation: negotiation.id,
    filters: fromUrl.filters,
    selected: fromUrl.selected,
    hovered: null,
    hidden: new Set(),
    focus: null,
    verdicts: new Map(),
  });

  const progress = byId<HTMLProgressElement>('layout-progress');
  const layoutButton = byId<HTMLButtonElement>('layout-toggle');
  const canvas = new Canvas(byId('canvas'), store, (fraction, running) => {
    progress.value = running ? fraction : 1;
    layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
    layoutButton.setAttribute('aria-pressed', String(running));
  });
  layoutButton.addEventListener('click', () => {
    if (canvas.layout?.running()) canvas.layout.stop();
    else canvas.layout?.start();
  });
  Object.assign(window, { commonGround: { graph: canvas.graph, sigma: canvas.sigma, store } });

  const loadGraph = async () => {
    setStatus('Loading the graph…');
    try {
      const serialized = await api.graph(negotiation.id, store.state.filters.evidence ? EVIDENCE_LABELS : []);
      canvas.setGraph(serialized);
      renderFilters(canvas.graph, store);
      renderLegend(canvas.graph, store, (slug) => canvas.partyColor(slug));
      setStatus(`${canvas.graph.order} nodes, ${canvas.graph.size} links.`);
      document.body.dataset.graphLoaded = 'true';
    } catch (error) {
      setStatus('');
      showUnavailable(`Could not load the graph: ${(error as Error).message}`, () => void loadGraph());
    }
  };
  await loadGraph();
  let showingResult = false;

  const select = (id: string) => {
    store.update({ selected: id, focus: null });
    canvas.centerOn(id);
  };
  setUpSearch(store, select, (id) => canvas.isVisible(id));
  setUpExport(
    canvas.sigma,
    canvas.graph,
    (node) => canvas.isVisible(node),
    () => `${negotiation.id}-${new Date().toISOString().slice(0, 10)}`,
  );
  setUpConsole(
    {
      showGraph: (serialized, mode) => canvas.showGraph(serialized, mode),
      graphShown: () => {
        showingResult = true;
        byId('view-all').textContent = 'Back to the negotiation';
        renderFilters(canvas.graph, store);
        renderLegend(canvas.graph, store, (slug) => canvas.partyColor(slug));
        setStatus(`${canvas.graph.order} nodes, ${canvas.graph.size} links (a Cypher result).`);
        return { nodes: canvas.graph.order, links: canvas.graph.size };
      },
      negotiation: () => store.state.negotiation,
    },
    () => {
      canvas.sigma.resize();
      canvas.sigma.refresh();
    },
  );
  const overlaps = new OverlapView(store, (nodes) => canvas.fit(nodes));
  void overlaps.load();

  let previous = store.state;
  store.subscribe((state) => {
    window.history.replaceState(null, '', writeUrl(state));
    if (state.selected !== previous.selected) void showDetails(store, state.selected);
    if (state.filters.evidence !== previous.filters.evidence) void loadGraph();
    previous = state;
  });
  window.history.replaceState(null, '', writeUrl(store.state));
  void showDetails(store, store.state.selected);
  if (store.state.selected) setTimeout(() => canvas.centerOn(store.state.selected as string), 300);

  document.addEventListener('keydown', (event) => {
    const typing = (document.activeElement as HTMLElement | null)?.isContentEditable; // the Cypher editor
    if (
      event.key === '/' &&
      !typing &&
      document.activeElement?.tagName !== 'INPUT' &&
      document.activeElement?.tagName !== 'TEXTAREA'
    ) {
      event.preventDefault();
      byId('search').focus();
    } else if (event.key === 'Escape' && !typing && document.activeElement?.tagName !== 'INPUT') {
      store.update({ selected: null, focus: null });
    }
  });
  byId('view-all').addEventListener('click', () => {
    store.update({ focus: null });
    if (showingResult) {
      // The canvas shows a Cypher result: bring the negotiation's graph back.
      showingResult = false;
      byId('view-all').textContent = 'View all';
      void loadGraph();
    }
    void canvas.sigma.getCamera().animatedReset();
  });
  byId('negotiation-picker').replaceChildren(
    ...(negotiations.length > 1
      ? [
          h('label', { for: 'negotiation-select' }, 'Negotiation: '),
          (() => {
            const selectElement = h(
              'select',
              { id: 'negotiation-select' },
              ...negotiations.map((n) => h('option', { value: n.id, selected: n.id === negotiation.id }, n.label)),
            );
            selectElement.addEventListener('change', () => {
              window.location.search = `?negotiation=${selectElement.value}`;
            });
            return selectElement;
          })(),
        ]
      : []),
  );
}

void boot();
