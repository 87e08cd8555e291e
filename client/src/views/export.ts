/** Export: the view as PNG, the graph shown as GEXF and as graphology JSON. */
import { downloadAsPNG } from '@sigma/export-image';
import type Graph from 'graphology';
import { write } from 'graphology-gexf/browser';
import type Sigma from 'sigma';
import { byId } from './dom.ts';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The part of the graph on screen: the nodes the filters let through and the edges between them. */
function shownGraph(graph: Graph, isVisible: (node: string) => boolean): Graph {
  const shown = graph.copy();
  shown.forEachNode((node) => {
    if (!isVisible(node)) shown.dropNode(node);
  });
  return shown;
}

export function setUpExport(
  sigma: Sigma,
  graph: Graph,
  isVisible: (node: string) => boolean,
  name: () => string,
): void {
  byId('export-png').addEventListener(
    'click',
    () => void downloadAsPNG(sigma, { fileName: name(), backgroundColor: '#ffffff' }),
  );
  byId('export-gexf').addEventListener('click', () => {
    const shown = shownGraph(graph, isVisible);
    // GEXF attributes are scalars: lists (a position's parties) travel as `a|b`.
    shown.updateEachNodeAttributes(
      (_node, attributes) =>
        Object.fromEntries(
          Object.entries(attributes).map(([k, v]) => [k, Array.isArray(v) ? v.join('|') : v]),
        ) as typeof attributes,
    );
    download(`${name()}.gexf`, 'application/xml', write(shown));
  });
  byId('export-json').addEventListener('click', () =>
    download(`${name()}.json`, 'application/json', JSON.stringify(shownGraph(graph, isVisible).export(), null, 2)),
  );
}
