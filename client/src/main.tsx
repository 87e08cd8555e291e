/** The explorer: creates the state, starts the data loaders, and mounts the views on the page's sections. */
// Components re-render when a signal they read changes: @preact/signals hooks that into Preact.
import '@preact/signals';
import { effect } from '@preact/signals-core';
import { render } from 'preact';
import { ApiError, api } from './api/client.ts';
import { createAppState } from './core/state/index.ts';
import { readUrl, writeUrl } from './core/url.ts';
import { loadData, reloadGraph } from './data.ts';
import './styles.css';
import { showUnavailable } from './views/banner.ts';
import { mountCanvas } from './views/canvas.ts';
import { setUpConsole } from './views/console/index.ts';
import { DetailsPanel, SelectionNote } from './views/details.tsx';
import { byId } from './views/dom.ts';
import { setUpExport } from './views/export.ts';
import { FiltersPanel } from './views/filters.tsx';
import { LayoutTools, NegotiationBar } from './views/header.tsx';
import { Legend } from './views/legend.tsx';
import { OverlapPanel } from './views/overlap-panel.tsx';
import { setUpSearch } from './views/search.ts';

/** The layout's seed: the same graph and seed give the same picture. */
const SEED = 20220112;

/** Renders a component into one of the page's sections; the disposer unmounts it. */
function mount(node: preact.ComponentChild, section: HTMLElement): () => void {
  render(node, section);
  return () => render(null, section);
}

async function boot(): Promise<void> {
  const fromUrl = readUrl(window.location.search);
  const app = createAppState({ filters: fromUrl.filters, selected: fromUrl.selected, seed: SEED });
  try {
    app.negotiation.listed((await api.negotiations()).negotiations, fromUrl.negotiation);
  } catch (error) {
    byId('status').textContent = '';
    showUnavailable(
      error instanceof ApiError && error.status === 503 ? 'The database is unavailable.' : (error as Error).message,
      () => window.location.reload(),
    );
    return;
  }
  const negotiation = app.negotiation.current.peek();
  if (!negotiation) {
    byId('status').textContent =
      'The database holds no negotiation yet. Load one with `npm run load -- data/<file>.yaml`.';
    return;
  }
  if (fromUrl.selected) app.actions.select(fromUrl.selected, 'url');

  const canvas = mountCanvas(byId('canvas'), app);
  Object.assign(window, { commonGround: { graph: canvas.graph, sigma: canvas.sigma, app } });
  mount(<NegotiationBar app={app} />, byId('negotiation-bar'));
  mount(<LayoutTools app={app} layout={canvas.layout} />, byId('layout-tools'));
  mount(<OverlapPanel app={app} />, byId('overlaps'));
  mount(<FiltersPanel app={app} />, byId('filters'));
  mount(<DetailsPanel app={app} />, byId('details'));
  mount(<Legend app={app} />, byId('legend'));
  mount(<SelectionNote app={app} />, byId('canvas-note'));
  loadData(app);

  let banner = false;
  effect(() => {
    const status = app.negotiation.status.value;
    if (status.state === 'ready') document.body.dataset.graphLoaded = 'true';
    if (status.state === 'failed' && !banner) {
      banner = true;
      showUnavailable(`Could not load the graph: ${status.message}`, () => {
        banner = false;
        reloadGraph(app);
      });
    }
  });
  effect(() => {
    const graph = app.derived.shownGraph.value;
    const result = app.consoleResult.result.value ? ' (a Cypher result)' : '';
    const status = app.negotiation.status.value.state;
    byId('status').textContent =
      status === 'loading' && !result
        ? 'Loading the graph…'
        : `${graph.nodes.length} nodes, ${graph.edges.length} links${result}.`;
  });
  // The URL carries the negotiation, the filters and the selection, so a view can be shared.
  effect(() => {
    const url = writeUrl({
      negotiation: app.negotiation.current.value?.id ?? null,
      filters: app.filters.filters.value,
      selected: app.selection.selected.value,
    });
    window.history.replaceState(null, '', url);
  });

  setUpSearch(
    () => negotiation.id,
    (id) => app.actions.select(id, 'search'),
    (id) => app.derived.visible.peek().has(id),
  );
  setUpExport(
    canvas.sigma,
    canvas.graph,
    (node) => app.derived.visible.peek().has(node),
    () => `${negotiation.id}-${new Date().toISOString().slice(0, 10)}`,
  );
  setUpConsole(
    {
      showGraph: (serialized, mode) => app.actions.showResult(serialized, mode),
      graphShown: () => ({ nodes: canvas.graph.order, links: canvas.graph.size }),
      negotiation: () => negotiation.id,
    },
    () => {
      canvas.sigma.resize();
      canvas.sigma.refresh();
    },
  );

  document.addEventListener('keydown', (event) => {
    const active = document.activeElement as HTMLElement | null;
    const typing = active?.isContentEditable || active?.tagName === 'INPUT' || active?.tagName === 'TEXTAREA';
    if (event.key === '/' && !typing) {
      event.preventDefault();
      byId('search').focus();
    } else if (event.key === 'Escape' && !typing) {
      app.actions.clearSpotlight();
    }
  });
}

void boot();
