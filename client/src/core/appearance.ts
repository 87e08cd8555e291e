/** How things look: one place for colours, sizes and node shapes, so the legend and the canvas agree. */

export const KIND_STYLE: Record<string, { label: string; color: string; border: number }> = {
  'red-line': { label: 'Red line', color: '#e53e3e', border: 0.45 },
  rejection: { label: 'Rejection', color: '#9b2c2c', border: 0.3 },
  demand: { label: 'Demand', color: '#dd6b20', border: 0.3 },
  threat: { label: 'Threat / warning', color: '#1a202c', border: 0.3 },
  condition: { label: 'Condition', color: '#805ad5', border: 0.3 },
  linkage: { label: 'Linkage', color: '#805ad5', border: 0.3 },
  offer: { label: 'Offer', color: '#38a169', border: 0.3 },
  'counter-offer': { label: 'Counter-offer', color: '#319795', border: 0.3 },
};

export const TYPE_STYLE: Record<string, { label: string; color: string; size: number; program: string }> = {
  Party: { label: 'Party', color: '#4a5568', size: 14, program: 'square' },
  Issue: { label: 'Issue', color: '#2d3748', size: 11, program: 'bordered' },
  Option: { label: 'Option (outcome)', color: '#a0aec0', size: 5, program: 'circle' },
  Position: { label: 'Position', color: '#718096', size: 7, program: 'bordered' },
  Statement: { label: 'Statement (quote)', color: '#cbd5e0', size: 3, program: 'circle' },
  Source: { label: 'Source (article)', color: '#4a5568', size: 4, program: 'square' },
  Person: { label: 'Person', color: '#b7791f', size: 5, program: 'circle' },
  Event: { label: 'Event', color: '#6b46c1', size: 5, program: 'circle' },
  Negotiation: { label: 'Negotiation', color: '#1a202c', size: 16, program: 'square' },
};

export const EDGE_STYLE: Record<string, { color: string; size: number; arrow: boolean; label: string }> = {
  HOLDS: { color: '#a0aec0', size: 1, arrow: true, label: 'holds' },
  ON: { color: '#e2e8f0', size: 1, arrow: false, label: 'on issue' },
  HAS_OPTION: { color: '#e2e8f0', size: 1, arrow: false, label: 'has option' },
  FOR: { color: '#68d391', size: 1.5, arrow: true, label: 'for (wants, offers, accepts)' },
  AGAINST: { color: '#fc8181', size: 2, arrow: true, label: 'against (opposes, rules out)' },
  COUNTERS: { color: '#4fd1c5', size: 2, arrow: true, label: 'counters' },
  REJECTS: { color: '#c53030', size: 2, arrow: true, label: 'rejects' },
  CONDITIONAL_ON: { color: '#b794f4', size: 2, arrow: true, label: 'conditional on' },
  EVIDENCES: { color: '#edf2f7', size: 0.5, arrow: true, label: 'evidences' },
  SAID: { color: '#edf2f7', size: 0.5, arrow: true, label: 'said' },
  REPORTED_IN: { color: '#edf2f7', size: 0.5, arrow: true, label: 'reported in' },
};

export const VERDICT_STYLE: Record<string, { label: string; color: string }> = {
  'agreement-zone': { label: 'Agreement zone', color: '#2f855a' },
  conditional: { label: 'Conditional', color: '#d69e2e' },
  blocked: { label: 'Blocked', color: '#c53030' },
  'no-overlap': { label: 'No overlap', color: '#dd6b20' },
  'one-sided': { label: 'One-sided', color: '#718096' },
  'no-positions': { label: 'No positions', color: '#a0aec0' },
};

/** Colours for parties and sides that bring none: distinct, readable on white. */
export const PALETTE = ['#2b6cb0', '#c53030', '#2f855a', '#b7791f', '#6b46c1', '#2c7a7b', '#97266d', '#4a5568'];

export function paletteColor(index: number): string {
  return PALETTE[index % PALETTE.length] as string;
}

export const DIMMED = '#edf2f7';
