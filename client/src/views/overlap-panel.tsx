/**
 * The overlap list: every issue's verdict, best prospects first. Choosing one sets the one focus (the canvas
 * dims the rest); the explanation and the what-if checkboxes render from the focus and the report, keyed, so
 * a checkbox keeps keyboard focus while the analysis re-runs.
 */
import { VERDICT_STYLE } from '../core/appearance.ts';
import type { AppState } from '../core/state/index.ts';
import { StatementItem } from './details.tsx';
import { normalise } from './overlaps.ts';

const HEADING = 'Where agreement looks possible';

function verdictStyle(verdict: string) {
  return VERDICT_STYLE[verdict] ?? { label: verdict, color: '#718096' };
}

function WhatIf({ app }: { app: AppState }) {
  const count = app.whatIf.without.value.size;
  if (count === 0) return null;
  const changes = app.whatIf.report.value?.changes ?? [];
  return (
    <div class="what-if" role="status">
      <p>
        {`What if ${count} position${count === 1 ? ' is' : 's are'} set aside? `}
        <button type="button" onClick={() => app.whatIf.restore()}>
          Restore all
        </button>
      </p>
      {changes.length ? (
        <ul class="changes">
          {changes.map((c) => (
            <li key={c.issue.label}>
              {`${c.issue.label}: ${verdictStyle(c.before).label} → ${verdictStyle(c.after).label}`}
            </li>
          ))}
        </ul>
      ) : (
        <p>No verdict changes.</p>
      )}
    </div>
  );
}

function Explanation({ app }: { app: AppState }) {
  const chosen = app.focus.issue.value;
  const issue = app.whatIf.report.value?.issues.find((i) => i.issue.id === chosen);
  const without = app.whatIf.without.value;
  if (!issue) return null;
  const style = verdictStyle(issue.verdict);
  return (
    <>
      <h3>
        {issue.issue.label}{' '}
        <span class="badge" style={{ background: style.color }}>
          {style.label}
        </span>
      </h3>
      <p class="explanation">{issue.explanation}</p>
      {issue.sides.map((side) => (
        <section class="side" key={side.label}>
          <h4>{side.label}</h4>
          <ul>
            {side.positions.map((position) => (
              <li class="overlap-position" key={position.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={!without.has(position.id)}
                    aria-label={`Count ${position.label}`}
                    onChange={() => app.whatIf.toggle(position.id)}
                  />
                  {` ${position.kindLabel} (${position.firmness}): ${position.label}`}
                </label>
                <ul class="statements">
                  {position.statements.slice(0, 2).map((s) => (
                    <StatementItem key={s.id} statement={normalise(s)} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function OverlapPanel({ app }: { app: AppState }) {
  const report = app.whatIf.report.value;
  const status = app.whatIf.status.value;
  const chosen = app.focus.issue.value;
  if (status.state === 'failed' && !report) {
    return (
      <>
        <h2>{HEADING}</h2>
        <p class="error" role="alert">{`The overlap analysis failed: ${status.message}`}</p>
      </>
    );
  }
  if (!report) return <h2>{HEADING}</h2>;
  return (
    <>
      <h2>{HEADING}</h2>
      <p class="hint">Verdicts computed from the positions, best prospects first. Choose one to see why.</p>
      {status.state === 'failed' ? <p class="error" role="alert">{`The what-if failed: ${status.message}`}</p> : null}
      <WhatIf app={app} />
      <ol class="verdicts">
        {report.issues.map((issue) => {
          const style = verdictStyle(issue.verdict);
          return (
            <li key={issue.issue.id}>
              <button
                type="button"
                class="verdict"
                data-issue={issue.issue.id}
                data-verdict={issue.verdict}
                aria-pressed={chosen === issue.issue.id ? 'true' : 'false'}
                onClick={() => app.actions.chooseIssue(issue.issue.id)}
              >
                <span class="badge" style={{ background: style.color }}>
                  {style.label}
                </span>
                {` ${issue.issue.label}`}
              </button>
            </li>
          );
        })}
      </ol>
      <section id="overlap-explanation" aria-live="polite">
        <Explanation app={app} />
      </section>
    </>
  );
}
