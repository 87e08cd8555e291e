/**
 * The overlap report as text for a terminal (`npm run overlaps`): a ranked table of verdicts, then for
 * each issue its explanation and the key positions behind it, each with its strongest quotes.
 */
import type {
  IssueOverlap,
  OverlapPosition,
  OverlapReport,
  OverlapStatement,
} from '../../../../shared/api/overlaps.ts';
import { VERDICT_WORDS } from '../../../../shared/vocabulary.ts';

export interface TextOptions {
  /** Line width to wrap at. */
  width?: number;
  /** Quotes shown per position. */
  quotes?: number;
}

export function formatReport(report: OverlapReport, { width = 100, quotes = 2 }: TextOptions = {}): string {
  const lines: string[] = [];
  lines.push(`Common ground in “${report.negotiation.label}” (${report.negotiation.id})`);
  lines.push(`Sides: ${report.sides.map((s) => `${s.label} (${s.id})`).join(' · ')}`);
  if (report.without.length > 0) {
    lines.push('', 'What-if, with these positions set aside:');
    for (const p of report.without)
      lines.push(...wrap(`${p.label} (${p.id}) on ${p.issue.label}`, width, '  - ', '    '));
    const changes = report.changes ?? [];
    if (changes.length === 0) lines.push('No verdict changes.');
    else {
      lines.push('Verdicts that change:');
      for (const c of changes) {
        lines.push(
          ...wrap(
            `${c.issue.label}: ${VERDICT_WORDS[c.before].text} → ${VERDICT_WORDS[c.after].text}`,
            width,
            '  - ',
            '    ',
          ),
        );
      }
    }
  }
  lines.push('', ...table(report.issues, width));
  for (const issue of report.issues) lines.push('', ...section(issue, width, quotes));
  return `${lines.join('\n')}\n`;
}

function table(issues: IssueOverlap[], width: number): string[] {
  const issueWidth = Math.min(44, Math.max(5, ...issues.map((i) => i.issue.label.length)));
  const head = `${'#'.padStart(3)}  ${'Issue'.padEnd(issueWidth)}  ${'Verdict'.padEnd(14)}  ${'Score'.padEnd(5)}  Option`;
  const optionWidth = Math.max(20, width - head.length + 'Option'.length);
  const rows = issues.map((issue) => {
    const rank = issue.rank === undefined ? '-' : String(issue.rank);
    const score = issue.score === undefined ? '' : String(issue.score);
    return `${rank.padStart(3)}  ${clip(issue.issue.label, issueWidth).padEnd(issueWidth)}  ${VERDICT_WORDS[issue.verdict].text.padEnd(14)}  ${score.padEnd(5)}  ${clip(keyOption(issue), optionWidth)}`;
  });
  return [head, '-'.repeat(Math.min(width, head.length + optionWidth - 'Option'.length)), ...rows];
}

/** What the verdict turns on, in a few words. */
function keyOption(issue: IssueOverlap): string {
  if (issue.bestOption) return issue.bestOption.label;
  const collision = issue.collisions[0];
  if (collision) return `${collision.option.label} (${collision.side.label} × ${collision.opposingSide.label})`;
  return issue.sides
    .filter((s) => s.side !== null)
    .map((s) => `${s.label} only`)
    .join(', ');
}

function section(issue: IssueOverlap, width: number, quotes: number): string[] {
  const rank = issue.rank === undefined ? '' : `${issue.rank}. `;
  const score = issue.score === undefined ? '' : `, score ${issue.score} (all sides ${issue.total})`;
  const lines = [`${rank}${issue.issue.label}: ${VERDICT_WORDS[issue.verdict].text.toUpperCase()}${score}`];
  lines.push(...wrap(issue.explanation, width, '   ', '   '));
  const key = new Set(keyPositions(issue));
  for (const group of issue.sides) {
    const shown = group.positions.filter((p) => key.has(p.id));
    if (shown.length === 0) continue;
    lines.push(`   ${group.label}`);
    for (const position of shown) lines.push(...describePosition(position, width, quotes));
    const others = group.positions.length - shown.length;
    if (others > 0) lines.push(`     (+${others} more position${others === 1 ? '' : 's'} on this issue)`);
  }
  return lines;
}

/** The positions a verdict rests on: the best option's support, its conditions, or the first collision. */
export function keyPositions(issue: IssueOverlap): string[] {
  switch (issue.verdict) {
    case 'agreement-zone':
    case 'conditional': {
      const option = issue.options.find((o) => o.id === issue.bestOption?.id);
      const conditions = issue.conditions.filter((c) => c.option.id === option?.id);
      return [...(option?.supporters ?? []), ...conditions.flatMap((c) => c.positions.map((p) => p.id))];
    }
    case 'blocked': {
      const collision = issue.collisions[0];
      return collision ? [...collision.wantedBy, ...collision.opposedBy].map((p) => p.id) : [];
    }
    default:
      return issue.sides.flatMap((group) => group.positions.map((p) => p.id));
  }
}

function describePosition(p: OverlapPosition, width: number, quotes: number): string[] {
  const lines = wrap(`${p.kindLabel.toLowerCase()}, ${p.firmness}: ${p.summary}`, width, '     • ', '       ');
  for (const dependency of p.conditionalOn.filter((d) => !d.setAside)) {
    lines.push(
      ...wrap(`depends on: ${dependency.label}, on “${dependency.issue.label}”`, width, '       ', '         '),
    );
  }
  for (const statement of p.statements.slice(0, quotes)) lines.push(...describeStatement(statement, width));
  const more = p.statements.length - quotes;
  if (more > 0) lines.push(`         (+${more} more statement${more === 1 ? '' : 's'})`);
  return lines;
}

function describeStatement(s: OverlapStatement, width: number): string[] {
  const text = s.paraphrase ? `(paraphrase) ${s.quote}` : `“${s.quote}”`;
  const who = s.speaker
    ? s.speaker.name === s.speaker.party
      ? s.speaker.name
      : `${s.speaker.name}, ${s.speaker.party}`
    : 'unattributed';
  const where = s.source ? `${s.source.outlet}, ${s.source.date}` : s.date;
  return [
    ...wrap(text, width, '         ', '          '),
    ...wrap(`— ${who}; ${where}`, width, '           ', '           '),
  ];
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Word-wraps text; the first line gets `first` as its indent, the others `rest`. */
export function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += empty ? word : ` ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}
