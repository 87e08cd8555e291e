/**
 * The checks a JSON Schema cannot make: ids unique across the file, every reference resolving to a thing
 * of the right kind, options belonging to the position's issue, dates in order, every position evidenced.
 * Written defensively: it also runs on a document whose shape is wrong, and skips what it cannot read.
 */
import type { Dataset } from './types.ts';

type Segment = string | number;
type Report = (segments: Segment[], message: string) => void;

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Ids of each kind, with where each was defined. */
function collectIds(data: Partial<Dataset>, report: Report) {
  const kinds = {
    side: new Set<string>(),
    party: new Set<string>(),
    person: new Set<string>(),
    event: new Set<string>(),
    source: new Set<string>(),
    issue: new Set<string>(),
    option: new Set<string>(),
    position: new Set<string>(),
    statement: new Set<string>(),
  };
  const definedAt = new Map<string, string>();
  const define = (kind: keyof typeof kinds, id: unknown, segments: Segment[]) => {
    if (!isId(id)) return;
    const where = segments
      .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
      .join('')
      .slice(1);
    const earlier = definedAt.get(id);
    if (earlier) report([...segments, 'id'], `duplicate id "${id}": already used by ${earlier}`);
    else definedAt.set(id, where);
    kinds[kind].add(id);
  };
  const sections: Array<[keyof Dataset, keyof typeof kinds]> = [
    ['sides', 'side'],
    ['parties', 'party'],
    ['people', 'person'],
    ['events', 'event'],
    ['sources', 'source'],
    ['issues', 'issue'],
    ['positions', 'position'],
    ['statements', 'statement'],
  ];
  for (const [section, kind] of sections) {
    asList(data[section]).forEach((item, i) => {
      if (!isRecord(item)) return;
      define(kind, item.id, [section, i]);
      if (section === 'issues') {
        asList(item.options).forEach((option, j) => {
          if (isRecord(option)) define('option', option.id, ['issues', i, 'options', j]);
        });
      }
    });
  }
  return kinds;
}

export function checkReferences(data: Partial<Dataset>, report: Report): void {
  const ids = collectIds(data, report);
  const optionsOfIssue = new Map<string, Set<string>>();
  const issueOfOption = new Map<string, string>();
  for (const issue of asList(data.issues)) {
    if (!isRecord(issue) || !isId(issue.id)) continue;
    const options = new Set(asList(issue.options).flatMap((o) => (isRecord(o) && isId(o.id) ? [o.id] : [])));
    optionsOfIssue.set(issue.id, options);
    for (const option of options) issueOfOption.set(option, issue.id);
  }

  const expect = (kind: keyof typeof ids, value: unknown, segments: Segment[]) => {
    if (!isId(value) || ids[kind].has(value)) return;
    const known = [...ids[kind]];
    const hint =
      known.length > 0 ? ` (known ${kind} ids: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''})` : '';
    report(segments, `unknown ${kind} "${value}"${hint}`);
  };

  asList(data.parties).forEach((party, i) => {
    if (isRecord(party)) expect('side', party.side, ['parties', i, 'side']);
  });
  asList(data.people).forEach((person, i) => {
    if (isRecord(person)) expect('party', person.party, ['people', i, 'party']);
  });

  const evidenced = new Set<string>();
  asList(data.statements).forEach((statement, i) => {
    if (!isRecord(statement)) return;
    expect('person', statement.speaker, ['statements', i, 'speaker']);
    expect('party', statement.party, ['statements', i, 'party']);
    expect('source', statement.source, ['statements', i, 'source']);
    expect('event', statement.event, ['statements', i, 'event']);
    asList(statement.positions).forEach((position, j) => {
      expect('position', position, ['statements', i, 'positions', j]);
      if (isId(position)) evidenced.add(position);
    });
  });

  asList(data.positions).forEach((position, i) => {
    if (!isRecord(position)) return;
    const at = (...rest: Segment[]) => ['positions', i, ...rest];
    asList(position.holders).forEach((holder, j) => {
      expect('party', holder, at('holders', j));
    });
    expect('issue', position.issue, at('issue'));
    const issueOptions = isId(position.issue) ? optionsOfIssue.get(position.issue) : undefined;
    for (const field of ['for', 'against'] as const) {
      asList(position[field]).forEach((option, j) => {
        if (!isId(option)) return;
        if (!ids.option.has(option)) expect('option', option, at(field, j));
        else if (issueOptions && !issueOptions.has(option)) {
          report(
            at(field, j),
            `option "${option}" belongs to issue "${issueOfOption.get(option)}", not to this position's issue "${position.issue}"`,
          );
        }
      });
    }
    const against = new Set(asList(position.against));
    for (const option of asList(position.for)) {
      if (against.has(option)) report(at('for'), `option "${option}" is both in "for" and in "against"`);
    }
    for (const field of ['counters', 'rejects', 'conditionalOn'] as const) {
      asList(position[field]).forEach((other, j) => {
        expect('position', other, at(field, j));
        if (other === position.id) report(at(field, j), `a position cannot refer to itself`);
      });
    }
    if (typeof position.since === 'string' && typeof position.stated === 'string' && position.since > position.stated) {
      report(at('since'), `held since ${position.since}, after it was stated (${position.stated})`);
    }
    if (isId(position.id) && !evidenced.has(position.id)) {
      report(at('id'), `no statement evidences position "${position.id}" (every position needs at least one)`);
    }
  });
}
