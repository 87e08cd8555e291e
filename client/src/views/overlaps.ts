/**
 * The overlap view: every issue's verdict from the analysis, ranked, each with its own colour. Choosing one
 * focuses the canvas on the issue's options and positions and explains it with its quotes; setting positions
 * aside (the what-if) re-runs the analysis and shows what changed.
 */
import type { OverlapStatement } from '../../../shared/api/overlaps.ts';
import { api, type OverlapReport, type Statement } from '../api/client.ts';
import { VERDICT_STYLE } from '../core/appearance.ts';
import type { Store } from '../core/state.ts';
import { statementItem } from './details.ts';
import { byId, h } from './dom.ts';

export class OverlapView {
  #report: OverlapReport | undefined;
  #without = new Set<string>();
  #chosen: string | null = null;

  constructor(
    private readonly store: Store,
    private readonly focusOn: (nodes: Set<string>) => void,
  ) {}

  async load(): Promise<void> {
    const panel = byId('overlaps');
    try {
      this.#report = await api.overlaps(this.store.state.negotiation, [...this.#without]);
    } catch (error) {
      panel.replaceChildren(
        h('h2', {}, 'Where agreement looks possible'),
        h('p', { class: 'error', role: 'alert' }, `The overlap analysis failed: ${(error as Error).message}`),
      );
      return;
    }
    this.store.update({
      verdicts: new Map(
        this.#report.issues.map((i: { issue: { id: string }; verdict: string }) => [i.issue.id, i.verdict]),
      ),
    });
    this.#render();
  }

  #render(): void {
    const report = this.#report;
    if (!report) return;
    const issues = report.issues;
    const changes = report.changes ?? [];
    const whatIf = this.#without.size ? this.#whatIf(changes) : '';
    byId('overlaps').replaceChildren(
      h('h2', {}, 'Where agreement looks possible'),
      h('p', { class: 'hint' }, 'Verdicts computed from the positions, best prospects first. Choose one to see why.'),
      whatIf,
      h(
        'ol',
        { class: 'verdicts' },
        ...issues.map((issue) => {
          const style = VERDICT_STYLE[issue.verdict] ?? { label: issue.verdict, color: '#718096' };
          return h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'verdict',
                'data-issue': issue.issue.id,
                'data-verdict': issue.verdict,
                'aria-pressed': String(this.#chosen === issue.issue.id),
                onclick: () => this.#choose(issue.issue.id),
              },
              h('span', { class: 'badge', style: `background:${style.color}` }, style.label),
              ` ${issue.issue.label}`,
            ),
          );
        }),
      ),
      h(
        'section',
        { id: 'overlap-explanation', 'aria-live': 'polite' },
        ...(this.#chosen ? this.#explain(this.#chosen) : []),
      ),
    );
  }

  #whatIf(changes: Array<{ issue: { label: string }; before: string; after: string }>): HTMLElement {
    const count = this.#without.size;
    return h(
      'div',
      { class: 'what-if', role: 'status' },
      h(
        'p',
        {},
        `What if ${count} position${count === 1 ? ' is' : 's are'} set aside? `,
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              this.#without.clear();
              void this.load();
            },
          },
          'Restore all',
        ),
      ),
      changes.length
        ? h(
            'ul',
            { class: 'changes' },
            ...changes.map((c) =>
              h(
                'li',
                {},
                `${c.issue.label}: ${VERDICT_STYLE[c.before]?.label ?? c.before} → ${VERDICT_STYLE[c.after]?.label ?? c.after}`,
              ),
            ),
          )
        : h('p', {}, 'No verdict changes.'),
    );
  }

  #choose(issueId: string): void {
    this.#chosen = issueId;
    const issue = this.#report?.issues.find((i) => i.issue.id === issueId);
    if (!issue) return;
    const nodes = new Set<string>([issueId]);
    for (const option of issue.options) nodes.add(option.id);
    for (const side of issue.sides) {
      for (const position of side.positions) {
        nodes.add(position.id);
        for (const holder of position.holders) nodes.add(holder.id);
      }
    }
    this.store.update({ focus: { issue: issueId, nodes }, selected: null });
    this.focusOn(nodes);
    this.#render();
  }

  #explain(issueId: string): HTMLElement[] {
    const issue = this.#report?.issues.find((i) => i.issue.id === issueId);
    if (!issue) return [];
    const style = VERDICT_STYLE[issue.verdict] ?? { label: issue.verdict, color: '#718096' };
    return [
      h(
        'h3',
        {},
        issue.issue.label,
        ' ',
        h('span', { class: 'badge', style: `background:${style.color}` }, style.label),
      ),
      h('p', { class: 'explanation' }, issue.explanation),
      ...issue.sides.map((side) =>
        h(
          'section',
          { class: 'side' },
          h('h4', {}, side.label),
          h(
            'ul',
            {},
            ...side.positions.map((position) => {
              const toggle = h('input', {
                type: 'checkbox',
                checked: !this.#without.has(position.id),
                'aria-label': `Count ${position.label}`,
              });
              toggle.addEventListener('change', () => {
                if (toggle.checked) this.#without.delete(position.id);
                else this.#without.add(position.id);
                void this.load();
              });
              return h(
                'li',
                { class: 'overlap-position' },
                h('label', {}, toggle, ` ${position.kindLabel} (${position.firmness}): ${position.label}`),
                h(
                  'ul',
                  { class: 'statements' },
                  ...position.statements.slice(0, 2).map((s) => statementItem(normalise(s))),
                ),
              );
            }),
          ),
        ),
      ),
    ];
  }
}

/** The analysis names speakers `name`; the details panel's statements call it `label`. */
function normalise(statement: OverlapStatement): Statement {
  return {
    ...statement,
    speaker: statement.speaker
      ? {
          id: statement.speaker.id,
          label: statement.speaker.name,
          nodeType: 'Person',
          ...(statement.speaker.role ? { role: statement.speaker.role } : {}),
        }
      : null,
    source: statement.source
      ? { ...statement.source, ...(statement.source.url ? { url: statement.source.url } : { url: undefined }) }
      : { id: '', outlet: 'unknown source', title: '', date: '' },
    event: null,
  };
}
