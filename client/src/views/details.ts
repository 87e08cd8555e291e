/** The details panel: plain HTML about the selected node, with every claim leading to its quote. */
import { api, type NodeDetails, type Statement } from '../api/client.ts';
import { KIND_STYLE } from '../core/appearance.ts';
import type { Store } from '../core/state.ts';
import { byId, h } from './dom.ts';

function nodeLink(store: Store, id: string, label: string): HTMLElement {
  return h(
    'a',
    {
      href: `#${id}`,
      class: 'node-link',
      onclick: (event: Event) => {
        event.preventDefault();
        store.update({ selected: id });
      },
    },
    label,
  );
}

export function statementItem(statement: Statement): HTMLElement {
  const speaker = statement.speaker
    ? `${statement.speaker.label}${statement.speaker.role ? `, ${statement.speaker.role}` : ''}`
    : 'unnamed';
  const source = statement.source;
  return h(
    'li',
    { class: 'statement', 'data-id': statement.id },
    h(
      'blockquote',
      {},
      statement.paraphrase ? h('span', { class: 'paraphrase' }, '(paraphrase) ') : null,
      statement.quote,
    ),
    h(
      'p',
      { class: 'attribution' },
      `— ${speaker}, ${statement.date}. `,
      source.url
        ? h('a', { href: source.url, target: '_blank', rel: 'noopener' }, `${source.outlet}: “${source.title}”`)
        : `${source.outlet}: “${source.title}”`,
      ` (${source.date})`,
    ),
  );
}

// biome-ignore lint/suspicious/noExplicitAny: details are documented per node type in the API reference
function positionView(store: Store, node: NodeDetails, d: any): Array<HTMLElement | null> {
  const p = node.properties;
  const kind = KIND_STYLE[p.kind];
  return [
    h(
      'p',
      { class: 'kind', style: `border-color:${kind?.color ?? '#000'}` },
      `${p.kindLabel} · firmness ${p.firmness}`,
    ),
    h('p', {}, p.summary),
    h(
      'dl',
      {},
      h('dt', {}, 'Held by'),
      h(
        'dd',
        {},
        ...d.holders.flatMap((x: { id: string; label: string }, i: number) => [
          i ? ', ' : '',
          nodeLink(store, x.id, x.label),
        ]),
      ),
      h('dt', {}, 'Issue'),
      h('dd', {}, nodeLink(store, d.issue.id, d.issue.label)),
      h('dt', {}, 'Stated'),
      h('dd', {}, p.stated, p.since !== p.stated ? ` (held since ${p.since})` : ''),
      d.for.length ? h('dt', {}, 'For') : null,
      d.for.length ? h('dd', {}, d.for.map((o: { label: string }) => o.label).join('; ')) : null,
      d.against.length ? h('dt', {}, 'Against') : null,
      d.against.length ? h('dd', {}, d.against.map((o: { label: string }) => o.label).join('; ')) : null,
      h('dt', {}, 'CAMEO / PLOVER'),
      h('dd', {}, `${p.cameo} ${p.cameoLabel} / ${p.plover}`),
    ),
    d.related.length ? h('h3', {}, 'Related positions') : null,
    d.related.length
      ? h(
          'ul',
          {},
          ...d.related.map(
            (r: { relationship: string; direction: string; position: { id: string; label: string } }) => {
              const verb = {
                COUNTERS: ['counters', 'countered by'],
                REJECTS: ['rejects', 'rejected by'],
                CONDITIONAL_ON: ['conditional on', 'a condition of'],
              }[r.relationship] ?? [r.relationship, r.relationship];
              return h(
                'li',
                {},
                `${r.direction === 'outgoing' ? verb[0] : verb[1]}: `,
                nodeLink(store, r.position.id, r.position.label),
              );
            },
          ),
        )
      : null,
    h('h3', {}, `Evidence (${d.statements.length} statement${d.statements.length === 1 ? '' : 's'})`),
    h('ul', { class: 'statements' }, ...d.statements.map(statementItem)),
  ];
}

// biome-ignore lint/suspicious/noExplicitAny: see above
function partyView(store: Store, node: NodeDetails, d: any): Array<HTMLElement | null> {
  return [
    h(
      'p',
      {},
      `${node.properties.partyType ?? node.properties.type ?? ''}${node.properties.sideLabel ? ` · side: ${node.properties.sideLabel}` : ' · concerned, not at the table'}`,
    ),
    d.people.length
      ? h(
          'p',
          {},
          'Speaking for it: ',
          d.people.map((x: { label: string; role?: string }) => `${x.label}${x.role ? ` (${x.role})` : ''}`).join('; '),
        )
      : null,
    h('h3', {}, 'Positions by issue'),
    ...d.positionsByIssue.map(
      (group: {
        issue: { id: string; label: string };
        positions: Array<{ id: string; label: string; kindLabel: string }>;
      }) =>
        h(
          'section',
          {},
          h('h4', {}, nodeLink(store, group.issue.id, group.issue.label)),
          h('ul', {}, ...group.positions.map((x) => h('li', {}, `${x.kindLabel}: `, nodeLink(store, x.id, x.label)))),
        ),
    ),
  ];
}

// biome-ignore lint/suspicious/noExplicitAny: see above
function issueView(store: Store, node: NodeDetails, d: any): Array<HTMLElement | null> {
  return [
    node.properties.summary ? h('p', {}, node.properties.summary) : null,
    h('h3', {}, 'Options'),
    h('ul', {}, ...d.options.map((o: { label: string }) => h('li', {}, o.label))),
    h('h3', {}, "Each side's positions"),
    h(
      'div',
      { class: 'sides' },
      ...d.sides.map(
        (side: {
          side: string | null;
          sideLabel: string | null;
          positions: Array<{ id: string; label: string; kindLabel: string; holders: string[] }>;
        }) =>
          h(
            'section',
            { class: 'side' },
            h('h4', {}, side.sideLabel ?? 'Concerned parties'),
            h('ul', {}, ...side.positions.map((x) => h('li', {}, `${x.kindLabel}: `, nodeLink(store, x.id, x.label)))),
          ),
      ),
    ),
  ];
}

function genericView(store: Store, node: NodeDetails): HTMLElement[] {
  const properties = Object.entries(node.properties).filter(
    ([k]) => !['id', 'slug', 'negotiation', 'label'].includes(k),
  );
  return [
    h('dl', {}, ...properties.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])),
    h('h3', {}, 'Linked to'),
    h(
      'ul',
      {},
      ...node.neighbours.map(
        (n: { relationship: string; direction: string; node: { id: string; label: string; nodeType: string } }) =>
          h(
            'li',
            {},
            `${n.direction === 'outgoing' ? '→' : '←'} ${n.relationship} `,
            nodeLink(store, n.node.id, `${n.node.label} (${n.node.nodeType})`),
          ),
      ),
    ),
  ];
}

export async function showDetails(store: Store, id: string | null): Promise<void> {
  const panel = byId('details');
  if (!id) {
    panel.replaceChildren(
      h(
        'p',
        { class: 'hint' },
        'Select a node on the canvas, in the search, or in the overlap list to see its details and the quotes behind it.',
      ),
    );
    return;
  }
  panel.replaceChildren(h('p', { role: 'status' }, 'Loading…'));
  try {
    const node = await api.node(id);
    if (store.state.selected !== id) return; // another selection overtook this one
    const views: Record<string, typeof positionView | undefined> = {
      Position: positionView,
      Party: partyView,
      Issue: issueView,
    };
    const view = views[node.nodeType];
    panel.replaceChildren(
      h('h2', { id: 'details-title' }, String(node.properties.label ?? id)),
      h('p', { class: 'node-type' }, node.nodeType),
      ...(view && node.details ? view(store, node, node.details) : genericView(store, node)).filter((x) => x !== null),
    );
  } catch (error) {
    panel.replaceChildren(
      h('p', { class: 'error', role: 'alert' }, `Could not load ${id}: ${(error as Error).message}`),
    );
  }
}
