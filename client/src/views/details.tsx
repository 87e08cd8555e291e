/** The details panel: plain HTML about the selected node, with every claim leading to its quote. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { NodeDetails, Statement } from '../api/client.ts';
import { KIND_STYLE } from '../core/appearance.ts';
import type { AppState } from '../core/state/index.ts';

type Select = (id: string) => void;

function NodeLink({ id, label, select }: { id: string; label: string; select: Select }) {
  return (
    <a
      href={`#${id}`}
      class="node-link"
      onClick={(event) => {
        event.preventDefault();
        select(id);
      }}
    >
      {label}
    </a>
  );
}

export function StatementItem({ statement }: { statement: Statement }) {
  const speaker = statement.speaker
    ? `${statement.speaker.label}${statement.speaker.role ? `, ${statement.speaker.role}` : ''}`
    : 'unnamed';
  const source = statement.source;
  const title = `${source.outlet}: “${source.title}”`;
  return (
    <li class="statement" data-id={statement.id}>
      <blockquote>
        {statement.paraphrase ? <span class="paraphrase">(paraphrase) </span> : null}
        {statement.quote}
      </blockquote>
      <p class="attribution">
        {`— ${speaker}, ${statement.date}. `}
        {source.url ? (
          <a href={source.url} target="_blank" rel="noopener">
            {title}
          </a>
        ) : (
          title
        )}
        {` (${source.date})`}
      </p>
    </li>
  );
}

interface Named {
  id: string;
  label: string;
}
const RELATED_VERBS: Record<string, [string, string]> = {
  COUNTERS: ['counters', 'countered by'],
  REJECTS: ['rejects', 'rejected by'],
  CONDITIONAL_ON: ['conditional on', 'a condition of'],
};

// biome-ignore lint/suspicious/noExplicitAny: details are documented per node type in the API reference
type Any = any;

function PositionDetails({ node, d, select }: { node: NodeDetails; d: Any; select: Select }) {
  const p = node.properties;
  return (
    <>
      <p class="kind" style={{ borderColor: KIND_STYLE[p.kind]?.color ?? '#000' }}>
        {`${p.kindLabel} · firmness ${p.firmness}`}
      </p>
      <p>{p.summary}</p>
      <dl>
        <dt>Held by</dt>
        <dd>
          {d.holders.map((x: Named, i: number) => (
            <>
              {i ? ', ' : ''}
              <NodeLink id={x.id} label={x.label} select={select} />
            </>
          ))}
        </dd>
        <dt>Issue</dt>
        <dd>
          <NodeLink id={d.issue.id} label={d.issue.label} select={select} />
        </dd>
        <dt>Stated</dt>
        <dd>
          {p.stated}
          {p.since !== p.stated ? ` (held since ${p.since})` : ''}
        </dd>
        {d.for.length ? <dt>For</dt> : null}
        {d.for.length ? <dd>{d.for.map((o: Named) => o.label).join('; ')}</dd> : null}
        {d.against.length ? <dt>Against</dt> : null}
        {d.against.length ? <dd>{d.against.map((o: Named) => o.label).join('; ')}</dd> : null}
        <dt>CAMEO / PLOVER</dt>
        <dd>{`${p.cameo} ${p.cameoLabel} / ${p.plover}`}</dd>
      </dl>
      {d.related.length ? <h3>Related positions</h3> : null}
      {d.related.length ? (
        <ul>
          {d.related.map((r: { relationship: string; direction: string; position: Named }) => {
            const verb = RELATED_VERBS[r.relationship] ?? [r.relationship, r.relationship];
            return (
              <li key={`${r.relationship}-${r.direction}-${r.position.id}`}>
                {`${r.direction === 'outgoing' ? verb[0] : verb[1]}: `}
                <NodeLink id={r.position.id} label={r.position.label} select={select} />
              </li>
            );
          })}
        </ul>
      ) : null}
      <h3>{`Evidence (${d.statements.length} statement${d.statements.length === 1 ? '' : 's'})`}</h3>
      <ul class="statements">
        {d.statements.map((s: Statement) => (
          <StatementItem key={s.id} statement={s} />
        ))}
      </ul>
    </>
  );
}

type Listed = Named & { kindLabel: string };

function PositionList({ positions, select }: { positions: Listed[]; select: Select }) {
  return (
    <ul>
      {positions.map((x) => (
        <li key={x.id}>
          {`${x.kindLabel}: `}
          <NodeLink id={x.id} label={x.label} select={select} />
        </li>
      ))}
    </ul>
  );
}

function PartyDetails({ node, d, select }: { node: NodeDetails; d: Any; select: Select }) {
  const p = node.properties;
  return (
    <>
      <p>{`${p.partyType ?? p.type ?? ''}${p.sideLabel ? ` · side: ${p.sideLabel}` : ' · concerned, not at the table'}`}</p>
      {d.people.length ? (
        <p>
          {'Speaking for it: '}
          {d.people
            .map((x: { label: string; role?: string }) => `${x.label}${x.role ? ` (${x.role})` : ''}`)
            .join('; ')}
        </p>
      ) : null}
      <h3>Positions by issue</h3>
      {d.positionsByIssue.map((group: { issue: Named; positions: Listed[] }) => (
        <section key={group.issue.id}>
          <h4>
            <NodeLink id={group.issue.id} label={group.issue.label} select={select} />
          </h4>
          <PositionList positions={group.positions} select={select} />
        </section>
      ))}
    </>
  );
}

function IssueDetails({ node, d, select }: { node: NodeDetails; d: Any; select: Select }) {
  return (
    <>
      {node.properties.summary ? <p>{node.properties.summary}</p> : null}
      <h3>Options</h3>
      <ul>
        {d.options.map((o: Named) => (
          <li key={o.id}>{o.label}</li>
        ))}
      </ul>
      <h3>Each side's positions</h3>
      <div class="sides">
        {d.sides.map((side: { side: string | null; sideLabel: string | null; positions: Listed[] }) => (
          <section class="side" key={side.side ?? 'concerned'}>
            <h4>{side.sideLabel ?? 'Concerned parties'}</h4>
            <PositionList positions={side.positions} select={select} />
          </section>
        ))}
      </div>
    </>
  );
}

function GenericDetails({ node, select }: { node: NodeDetails; select: Select }) {
  const properties = Object.entries(node.properties).filter(
    ([k]) => !['id', 'slug', 'negotiation', 'label'].includes(k),
  );
  return (
    <>
      <dl>
        {properties.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{String(v)}</dd>
          </>
        ))}
      </dl>
      <h3>Linked to</h3>
      <ul>
        {node.neighbours.map(
          (n: { relationship: string; direction: string; node: Named & { nodeType: string } }, i: number) => (
            <li key={`${i}-${n.node.id}`}>
              {`${n.direction === 'outgoing' ? '→' : '←'} ${n.relationship} `}
              <NodeLink id={n.node.id} label={`${n.node.label} (${n.node.nodeType})`} select={select} />
            </li>
          ),
        )}
      </ul>
    </>
  );
}

const BY_TYPE: Record<string, typeof PositionDetails | undefined> = {
  Position: PositionDetails,
  Party: PartyDetails,
  Issue: IssueDetails,
};

/** Why the selection is not on the canvas, with the way to show it when there is one. */
export function SelectionNote({ app }: { app: AppState }) {
  const note = app.derived.selectionNote.value;
  if (!note) return null;
  return (
    <p class="selection-note" role="status">
      {note.text}
      {note.showEvidence ? (
        <>
          {' '}
          <button type="button" onClick={() => app.actions.showEvidence()}>
            Show evidence
          </button>
        </>
      ) : null}
    </p>
  );
}

export function DetailsPanel({ app }: { app: AppState }) {
  const details = app.selection.details.value;
  const heading = useRef<HTMLHeadingElement>(null);
  // While the next node loads, the last one stays: the link the user activated is not pulled from under them.
  const lastReady = useRef<NodeDetails | null>(null);
  if (details?.state === 'ready') lastReady.current = details.node;
  if (!details) lastReady.current = null;
  const node = details?.state === 'ready' ? details.node : details?.state === 'loading' ? lastReady.current : null;
  const shownId = details?.state === 'ready' ? details.id : null;

  useLayoutEffect(() => {
    if (!shownId || !heading.current) return;
    // A new node: its title in view; when chosen from a link in here, keyboard focus follows to it.
    const panel = heading.current.closest('aside');
    if (panel) {
      const above = heading.current.getBoundingClientRect().top - panel.getBoundingClientRect().top;
      panel.scrollTop = Math.max(0, panel.scrollTop + above - 8);
    }
    if (app.selection.via.peek() === 'details') heading.current.focus({ preventScroll: true });
  }, [shownId]);

  const select = (id: string) => app.actions.select(id, 'details');
  if (!details) {
    return (
      <p class="hint">
        Select a node on the canvas, in the search, or in the overlap list to see its details and the quotes behind it.
      </p>
    );
  }
  const View = node ? BY_TYPE[node.nodeType] : undefined;
  return (
    <div aria-busy={details.state === 'loading' ? 'true' : undefined}>
      <SelectionNote app={app} />
      {details.state === 'loading' && !node ? <p role="status">Loading…</p> : null}
      {node ? (
        <>
          <h2 id="details-title" tabIndex={-1} ref={heading}>
            {String(node.properties.label ?? node.properties.name ?? node.id)}
          </h2>
          <p class="node-type">{node.nodeType}</p>
          {View && node.details ? (
            <View node={node} d={node.details} select={select} />
          ) : (
            <GenericDetails node={node} select={select} />
          )}
        </>
      ) : null}
    </div>
  );
}
