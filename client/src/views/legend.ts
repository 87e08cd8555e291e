/** The legend explains every colour and shape on the canvas and doubles as a toggle. */
import type Graph from 'graphology';
import { EDGE_STYLE, KIND_STYLE, TYPE_STYLE, VERDICT_STYLE } from '../core/appearance.ts';
import type { Store } from '../core/state.ts';
import { byId, h } from './dom.ts';

function toggle(store: Store, key: string, label: string, swatch: HTMLElement): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'legend-entry', 'aria-pressed': String(!store.state.hidden.has(key)), 'data-key': key },
    swatch,
    label,
  );
  button.addEventListener('click', () => {
    const hidden = new Set(store.state.hidden);
    if (hidden.has(key)) hidden.delete(key);
    else hidden.add(key);
    button.setAttribute('aria-pressed', String(!hidden.has(key)));
    store.update({ hidden });
  });
  return button;
}

const dot = (color: string, border?: string, shape = 'circle') =>
  h('span', {
    class: `swatch ${shape}`,
    style: `background:${color};${border ? `box-shadow:0 0 0 3px ${border} inset;` : ''}`,
    'aria-hidden': 'true',
  });

export function renderLegend(graph: Graph, store: Store, partyColor: (slug: string) => string): void {
  const parties: HTMLElement[] = [];
  graph.forEachNode((_k, a) => {
    if (a.nodeType !== 'Party') return;
    const slug = String(a.slug);
    parties.push(
      toggle(
        store,
        `party:${slug}`,
        `${a.label}${a.side ? '' : ' (concerned)'}`,
        dot(partyColor(slug), undefined, 'square'),
      ),
    );
  });
  const present = new Set<string>();
  graph.forEachNode((_k, a) => present.add(String(a.nodeType)));
  byId('legend').replaceChildren(
    h('h2', {}, 'Legend'),
    h('p', { class: 'hint' }, 'Click an entry to hide or show it.'),
    h('h3', {}, 'Parties (position fill colour)'),
    h('div', { class: 'legend-group' }, ...parties),
    h('h3', {}, 'Position kinds (ring colour)'),
    h(
      'div',
      { class: 'legend-group' },
      ...Object.entries(KIND_STYLE).map(([kind, style]) =>
        toggle(
          store,
          `kind:${kind}`,
          style.label + (kind === 'red-line' ? ' (thick red ring)' : ''),
          dot('#fff', style.color),
        ),
      ),
    ),
    h('h3', {}, 'Things'),
    h(
      'div',
      { class: 'legend-group' },
      ...Object.entries(TYPE_STYLE)
        .filter(([type]) => present.has(type))
        .map(([type, style]) =>
          toggle(
            store,
            `type:${type}`,
            style.label,
            dot(style.color, undefined, style.program === 'square' ? 'square' : 'circle'),
          ),
        ),
    ),
    h('h3', {}, 'Issue ring: overlap verdict'),
    h(
      'ul',
      { class: 'legend-list' },
      ...Object.values(VERDICT_STYLE).map((v) => h('li', {}, dot('#fff', v.color), v.label)),
    ),
    h('h3', {}, 'Links'),
    h(
      'ul',
      { class: 'legend-list' },
      ...Object.values(EDGE_STYLE).map((e) =>
        h(
          'li',
          {},
          h('span', { class: 'line', style: `background:${e.color}`, 'aria-hidden': 'true' }),
          e.label + (e.arrow ? ' →' : ''),
        ),
      ),
    ),
  );
}
