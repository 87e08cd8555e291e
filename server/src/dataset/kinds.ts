import type { Firmness, PositionKind } from './types.ts';

/**
 * What each position kind means in event-data vocabularies, so exported data reads the same to users of
 * CAMEO (top-level codes, as used by GDELT and ICEWS) and PLOVER (event types, as used by POLECAT).
 * PLOVER's name for CAMEO 10 "Demand" is REQUEST.
 */
export const POSITION_KIND_CODES: Record<
  PositionKind,
  { label: string; cameo: string; cameoLabel: string; plover: string }
> = {
  demand: { label: 'Demand', cameo: '10', cameoLabel: 'Demand', plover: 'REQUEST' },
  offer: { label: 'Offer', cameo: '03', cameoLabel: 'Express intent to cooperate', plover: 'AGREE' },
  'counter-offer': { label: 'Counter-offer', cameo: '03', cameoLabel: 'Express intent to cooperate', plover: 'AGREE' },
  'red-line': { label: 'Red line', cameo: '12', cameoLabel: 'Reject', plover: 'REJECT' },
  condition: { label: 'Condition', cameo: '10', cameoLabel: 'Demand', plover: 'REQUEST' },
  linkage: { label: 'Linkage', cameo: '10', cameoLabel: 'Demand', plover: 'REQUEST' },
  threat: { label: 'Threat / warning', cameo: '13', cameoLabel: 'Threaten', plover: 'THREATEN' },
  rejection: { label: 'Rejection', cameo: '12', cameoLabel: 'Reject', plover: 'REJECT' },
};

/** Firmness as a rank, for sorting and scoring. */
export const FIRMNESS_RANK: Record<Firmness, number> = { low: 1, medium: 2, high: 3 };
