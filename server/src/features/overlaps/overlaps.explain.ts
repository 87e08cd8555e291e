/**
 * One or two plain-English sentences that say why an issue got its verdict, naming the options,
 * the sides and the kinds and firmness of the positions behind it. Wording only: every fact comes
 * from the analysis (the verdict, the option statuses, collisions and conditions).
 */
import type {
  Dependency,
  IssueOverlap,
  OverlapOption,
  OverlapPosition,
  PositionRef,
  Ref,
} from '../../../../shared/api/overlaps.ts';
import { FIRMNESS, KINDS, type PositionKind } from '../../../../shared/vocabulary.ts';

type Unexplained = Omit<IssueOverlap, 'explanation'>;

export function explain(issue: Unexplained, statedSides: Ref[]): string {
  switch (issue.verdict) {
    case 'no-positions':
      return noPositions(issue);
    case 'one-sided':
      return oneSided(issue, statedSides);
    case 'agreement-zone':
      return agreement(issue, statedSides);
    case 'conditional':
      return conditional(issue, statedSides);
    case 'blocked':
      return blocked(issue);
    case 'no-overlap':
      return `${everySide(statedSides, 'have')} spoken, but no option is accepted by every side, and nothing one side wants is opposed by another.`;
  }
}

function noPositions(issue: Unexplained): string {
  const concerned = issue.sides.find((group) => group.side === null);
  return concerned
    ? `No side at the table has stated a position; only concerned parties have (${describeKinds(concerned.positions)}).`
    : 'No side at the table has stated a position on this issue.';
}

function oneSided(issue: Unexplained, statedSides: Ref[]): string {
  const side = statedSides[0];
  const own = issue.sides.find((group) => group.side === side?.id)?.positions ?? [];
  return `Only ${side?.label} has stated a position (${describeKinds(own)}); nothing can be concluded until another side does.`;
}

function agreement(issue: Unexplained, statedSides: Ref[]): string {
  const agreed = issue.options.filter((o) => o.status === 'agreed');
  const best = agreed.find((o) => o.id === issue.bestOption?.id) ?? agreed[0];
  if (!best) return '';
  let text = `${everySide(statedSides, 'accept')} ${quoted(best.label)} (${supportBySide(issue, best, statedSides)}), and no side opposes it.`;
  const others = agreed.filter((o) => o !== best);
  if (others.length > 0) text += ` Also agreed: ${others.map((o) => quoted(o.label)).join(', ')}.`;
  const collision = issue.collisions[0];
  if (collision)
    text += ` Still, ${quoted(collision.option.label)} collides (${collision.side.label} against ${collision.opposingSide.label}).`;
  return text;
}

function conditional(issue: Unexplained, statedSides: Ref[]): string {
  const option = issue.options.find((o) => o.id === issue.bestOption?.id) ?? issue.options[0];
  const conditions = issue.conditions.filter((c) => c.option.id === option?.id);
  const because = conditions.map(
    (c) => `${c.side.label} accepts it only ${c.positions.map((p) => rest(p, issue.issue)).join('; and ')}`,
  );
  return `${everySide(statedSides, 'accept')} ${quoted(option?.label ?? '')}, but ${because.join('; ')}.`;
}

/** Why one conditional position is conditional, e.g. "through a condition (low firmness) that depends on …". */
function rest(position: PositionRef & { dependsOn: Dependency[] }, issue: Ref): string {
  const name = kindName(position.kind);
  const own = `through ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} (${position.firmness} firmness)`;
  if (position.dependsOn.length === 0) {
    return KINDS[position.kind].ties ? `${own} that ties this issue into a package` : `${own} it does not spell out`;
  }
  return `${own} that depends on ${position.dependsOn.map((d) => dependency(d, issue)).join(' and ')}`;
}

function dependency(d: Dependency, issue: Ref): string {
  let text = quoted(d.label);
  if (d.issue.id !== issue.id) text += `, on the issue ${quoted(d.issue.label)}`;
  const further = d.reaches.filter((r) => r.id !== d.issue.id);
  if (further.length > 0) text += `, which ties it to ${further.map((r) => r.label).join(', ')}`;
  return text;
}

function blocked(issue: Unexplained): string {
  const [first, ...rest] = issue.collisions;
  if (!first) return '';
  const wanted = `${kindsOf(first.wantedBy)}, ${firmest(first.wantedBy)}`;
  const opposed = `${kindsOf(first.opposedBy)}, ${firmest(first.opposedBy)}`;
  let text = `${quoted(first.option.label)}, which ${first.side.label} wants (${wanted}), is opposed by ${first.opposingSide.label} (${opposed}).`;
  const more = [...new Set(rest.map((c) => c.option.label))].filter((label) => label !== first.option.label);
  if (more.length > 0) text += ` Also colliding: ${more.map(quoted).join(', ')}.`;
  return text;
}

/** "Russia by an offer (medium); NATO … by an offer and a counter-offer (medium)". */
function supportBySide(issue: Unexplained, option: OverlapOption, statedSides: Ref[]): string {
  return statedSides
    .map((side) => {
      const own = (issue.sides.find((group) => group.side === side.id)?.positions ?? []).filter((p) =>
        option.supporters.includes(p.id),
      );
      return `${side.label}: ${kindsOf(own)}, ${firmest(own)}`;
    })
    .join('; ');
}

function everySide(sides: Ref[], verb: string): string {
  return sides.length === 2 ? `Both sides ${verb}` : `All ${sides.length} sides that have spoken ${verb}`;
}

function describeKinds(positions: Array<Pick<OverlapPosition, 'kind' | 'firmness'>>): string {
  return `${kindsOf(positions)}, ${firmest(positions)}`;
}

/** "demand", "2 offers and a counter-offer". */
function kindsOf(positions: Array<Pick<PositionRef, 'kind'>>): string {
  const counts = new Map<PositionKind, number>();
  for (const p of positions) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => (n === 1 ? kindName(kind) : `${n} ${kindName(kind)}s`));
  return parts.length <= 1 ? (parts[0] ?? 'no position') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function firmest(positions: Array<Pick<PositionRef, 'firmness'>>): string {
  const rank = Math.max(...positions.map((p) => FIRMNESS.indexOf(p.firmness)));
  return rank >= 0 ? `${FIRMNESS[rank]} firmness` : 'no firmness';
}

function kindName(kind: PositionKind): string {
  return KINDS[kind].name;
}

function quoted(text: string): string {
  return `“${text}”`;
}
