/** The header's live parts: the negotiation's title and picker, the layout's controls and "View all". */
import type { AppState } from '../core/state/index.ts';
import type { LayoutRunner } from '../layout/runner.ts';

export function NegotiationBar({ app }: { app: AppState }) {
  const current = app.negotiation.current.value;
  const list = app.negotiation.list.value;
  return (
    <>
      <p id="negotiation-title">{current?.label ?? ''}</p>
      {list.length > 1 ? (
        <div id="negotiation-picker">
          <label for="negotiation-select">Negotiation: </label>
          <select
            id="negotiation-select"
            value={current?.id}
            onChange={(event) => {
              window.location.search = `?negotiation=${encodeURIComponent(event.currentTarget.value)}`;
            }}
          >
            {list.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}

export function LayoutTools({ app, layout }: { app: AppState; layout: LayoutRunner }) {
  const running = app.layout.running.value;
  const showingResult = app.consoleResult.result.value !== null;
  return (
    <>
      <button
        type="button"
        id="layout-toggle"
        aria-pressed={running ? 'true' : 'false'}
        onClick={() => (layout.running() ? layout.stop() : layout.start())}
      >
        {running ? 'Stop layout' : 'Run layout'}
      </button>
      <progress
        id="layout-progress"
        max={1}
        value={running ? app.layout.progress.value : 1}
        aria-label="Layout progress"
      />
      <button type="button" id="view-all" onClick={() => app.actions.viewAll()}>
        {showingResult ? 'Back to the negotiation' : 'View all'}
      </button>
    </>
  );
}
