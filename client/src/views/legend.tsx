/** The legend explains every colour and shape on the canvas and doubles as a toggle. */
import { EDGE_STYLE, KIND_STYLE, TYPE_STYLE, VERDICT_STYLE } from '../core/appearance.ts';
import { colourOfParty } from '../core/graph-data.ts';
import type { AppState } from '../core/state/index.ts';

function Swatch({ color, border, shape = 'circle' }: { color: string; border?: string; shape?: string }) {
  return (
    <span
      class={`swatch ${shape}`}
      style={{ background: color, ...(border ? { boxShadow: `0 0 0 3px ${border} inset` } : {}) }}
      aria-hidden="true"
    />
  );
}

function Toggle({
  app,
  entry,
  label,
  children,
}: {
  app: AppState;
  entry: string;
  label: string;
  children: preact.ComponentChildren;
}) {
  return (
    <button
      type="button"
      class="legend-entry"
      aria-pressed={app.filters.hidden.value.has(entry) ? 'false' : 'true'}
      data-key={entry}
      onClick={() => app.filters.toggleHidden(entry)}
    >
      {children}
      {label}
    </button>
  );
}

export function Legend({ app }: { app: AppState }) {
  const graph = app.derived.shownGraph.value;
  const colours = app.derived.colours.value;
  const present = new Set(graph.nodes.map((n) => String(n.attributes.nodeType)));
  const parties = graph.nodes.filter((n) => n.attributes.nodeType === 'Party');
  return (
    <>
      <h2>Legend</h2>
      <p class="hint">Click an entry to hide or show it.</p>
      <h3>Parties (position fill colour)</h3>
      <div class="legend-group">
        {parties.map(({ key, attributes: a }) => (
          <Toggle key={key} app={app} entry={`party:${a.slug}`} label={`${a.label}${a.side ? '' : ' (concerned)'}`}>
            <Swatch color={colourOfParty(colours, String(a.slug))} shape="square" />
          </Toggle>
        ))}
      </div>
      <h3>Position kinds (ring colour)</h3>
      <div class="legend-group">
        {Object.entries(KIND_STYLE).map(([kind, style]) => (
          <Toggle
            key={kind}
            app={app}
            entry={`kind:${kind}`}
            label={style.label + (style.border > 0.3 ? ' (thick ring)' : '')}
          >
            <Swatch color="#fff" border={style.color} />
          </Toggle>
        ))}
      </div>
      <h3>Things</h3>
      <div class="legend-group">
        {Object.entries(TYPE_STYLE)
          .filter(([type]) => present.has(type))
          .map(([type, style]) => (
            <Toggle key={type} app={app} entry={`type:${type}`} label={style.label}>
              <Swatch color={style.color} shape={style.program === 'square' ? 'square' : 'circle'} />
            </Toggle>
          ))}
      </div>
      <h3>Issue ring: overlap verdict</h3>
      <ul class="legend-list">
        {Object.entries(VERDICT_STYLE).map(([verdict, v]) => (
          <li key={verdict}>
            <Swatch color="#fff" border={v.color} />
            {v.label}
          </li>
        ))}
      </ul>
      <h3>Links</h3>
      <ul class="legend-list">
        {Object.entries(EDGE_STYLE).map(([relationship, e]) => (
          <li key={relationship}>
            <span class="line" style={{ background: e.color }} aria-hidden="true" />
            {e.label + (e.arrow ? ' →' : '')}
          </li>
        ))}
      </ul>
    </>
  );
}
