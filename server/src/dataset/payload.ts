/**
 * Turns a validated dataset into the parameters of the loader's Cypher: plain rows, one list per label,
 * with database ids (`<negotiation>:<slug>`) so that negotiations never share nodes. A staged load writes
 * them under its own key instead of the negotiation's id (`<stage>:<slug>`), renamed when it is published.
 */
import { FIRMNESS_RANK, KINDS } from '../../../shared/vocabulary.ts';
import type { Dataset } from './types.ts';

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export function toLoadParameters(data: Dataset, negotiation: string = data.negotiation.id) {
  const key = (slug: string) => `${negotiation}:${slug}`;
  const owned = (slug: string) => ({ id: key(slug), slug, negotiation });

  const sideById = new Map(data.sides.map((side) => [side.id, side]));
  const partyById = new Map(data.parties.map((party) => [party.id, party]));
  const optionById = new Map(
    data.issues.flatMap((issue) => issue.options.map((option) => [option.id, option] as const)),
  );
  const issueById = new Map(data.issues.map((issue) => [issue.id, issue]));

  const positionLabel = (position: Dataset['positions'][number]) => {
    const holders = position.holders.map((id) => partyById.get(id)?.label ?? id).join(' & ');
    const wanted = position.for?.[0];
    const opposed = position.against?.[0];
    const target = wanted
      ? optionById.get(wanted)?.label
      : opposed
        ? `against: ${optionById.get(opposed)?.label}`
        : issueById.get(position.issue)?.label;
    return `${holders}: ${KINDS[position.kind].label.toLowerCase()} – ${target}`;
  };
  // Two positions that would read the same (same holders, kind and outcome) are told apart by their summaries.
  const derived = data.positions.map(positionLabel);
  const uses = new Map<string, number>();
  for (const label of derived) uses.set(label, (uses.get(label) ?? 0) + 1);
  const labelOf = new Map(
    data.positions.map((position, i) => {
      const label = derived[i] as string;
      const unique = uses.get(label) === 1;
      const told = unique ? label : `${label.split(' – ')[0]} – ${shorten(position.summary, 70)}`;
      return [position.id, position.label ?? told];
    }),
  );

  return {
    negotiation: {
      id: data.negotiation.id,
      slug: data.negotiation.id,
      label: data.negotiation.title,
      summary: data.negotiation.summary ?? null,
      date: data.negotiation.date,
      place: data.negotiation.place ?? null,
      sides: data.sides.map((side) => side.id),
      sideLabels: data.sides.map((side) => side.label),
    },
    parties: data.parties.map((party) => {
      const side = party.side ? sideById.get(party.side) : undefined;
      return {
        ...owned(party.id),
        label: party.label,
        type: party.type,
        side: party.side ?? null,
        sideLabel: side?.label ?? null,
        color: party.color ?? side?.color ?? null,
        summary: party.summary ?? null,
      };
    }),
    people: data.people.map((person) => ({
      ...owned(person.id),
      label: person.name,
      role: person.role ?? null,
      party: key(person.party),
    })),
    events: data.events.map((event) => ({
      ...owned(event.id),
      label: event.label,
      date: event.date,
      place: event.place ?? null,
      summary: event.summary ?? null,
    })),
    sources: data.sources.map((source) => ({
      ...owned(source.id),
      label: `${source.outlet}: ${source.title}`,
      outlet: source.outlet,
      title: source.title,
      date: source.date,
      url: source.url ?? null,
    })),
    issues: data.issues.map((issue) => ({ ...owned(issue.id), label: issue.label, summary: issue.summary ?? null })),
    options: data.issues.flatMap((issue) =>
      issue.options.map((option) => ({
        ...owned(option.id),
        label: option.label,
        summary: option.summary ?? null,
        issue: key(issue.id),
      })),
    ),
    positions: data.positions.map((position) => ({
      ...owned(position.id),
      label: labelOf.get(position.id) as string,
      summary: position.summary,
      kind: position.kind,
      kindLabel: KINDS[position.kind].label,
      cameo: KINDS[position.kind].cameo,
      cameoLabel: KINDS[position.kind].cameoLabel,
      plover: KINDS[position.kind].plover,
      firmness: position.firmness,
      firmnessRank: FIRMNESS_RANK[position.firmness],
      stated: position.stated,
      since: position.since ?? position.stated,
      holders: position.holders.map(key),
      issue: key(position.issue),
      for: (position.for ?? []).map(key),
      against: (position.against ?? []).map(key),
      counters: (position.counters ?? []).map(key),
      rejects: (position.rejects ?? []).map(key),
      conditionalOn: (position.conditionalOn ?? []).map(key),
    })),
    statements: data.statements.map((statement) => ({
      ...owned(statement.id),
      label: `“${shorten(statement.quote, 60)}”`,
      quote: statement.quote,
      paraphrase: statement.paraphrase ?? false,
      date: statement.date,
      speaker: statement.speaker ? key(statement.speaker) : null,
      party: statement.party ? key(statement.party) : null,
      source: key(statement.source),
      event: statement.event ? key(statement.event) : null,
      positions: statement.positions.map(key),
    })),
  };
}

export type LoadParameters = ReturnType<typeof toLoadParameters>;
