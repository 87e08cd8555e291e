/** How things look: one place for colours, sizes and node shapes, so the legend and the canvas agree. */
import {
  KIND_DISPLAY_ORDER,
  KINDS,
  LABEL_WORDS,
  NODE_LABELS,
  type NodeLabel,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_WORDS,
  type RelationshipType,
  VERDICT_WORDS,
  VERDICTS,
} from '../../../shared/vocabulary.ts';

/** Sizes and shapes are the canvas's; names and colours are the vocabulary's (shared/vocabulary.ts). */
export const KIND_STYLE: Record<string, { label: string; color: string; border: number }> = Object.fromEntries(
  KIND_DISPLAY_ORDER.map((kind) => {
    const { label, color, border } = KINDS[kind];
    return [kind, { label, color, border }];
  }),
);

const LABEL_SHAPE = {
  Party: { size: 14, program: 'square' },
  Issue: { size: 11, program: 'bordered' },
  Option: { size: 5, program: 'circle' },
  Position: { size: 7, program: 'bordered' },
  Statement: { size: 3, program: 'circle' },
  Source: { size: 4, program: 'square' },
  Person: { size: 5, program: 'circle' },
  Event: { size: 5, program: 'circle' },
  Negotiation: { size: 16, program: 'square' },
} satisfies Record<NodeLabel, { size: number; program: string }>;

export const TYPE_STYLE: Record<string, { label: string; color: string; size: number; program: string }> =
  Object.fromEntries(NODE_LABELS.map((label) => [label, { ...LABEL_WORDS[label], ...LABEL_SHAPE[label] }]));

/** Width and arrow of each relationship in the legend; the others keep the canvas's default. */
const EDGE_SHAPE: Partial<Record<RelationshipType, { size: number; arrow: boolean }>> = {
  HOLDS: { size: 1, arrow: true },
  ON: { size: 1, arrow: false },
  HAS_OPTION: { size: 1, arrow: false },
  FOR: { size: 1.5, arrow: true },
  AGAINST: { size: 2, arrow: true },
  COUNTERS: { size: 2, arrow: true },
  REJECTS: { size: 2, arrow: true },
  CONDITIONAL_ON: { size: 2, arrow: true },
  EVIDENCES: { size: 0.5, arrow: true },
  SAID: { size: 0.5, arrow: true },
  REPORTED_IN: { size: 0.5, arrow: true },
};

export const EDGE_STYLE: Record<string, { color: string; size: number; arrow: boolean; label: string }> =
  Object.fromEntries(
    RELATIONSHIP_TYPES.filter((type) => RELATIONSHIP_WORDS[type].legend).map((type) => {
      const { color, label } = RELATIONSHIP_WORDS[type];
      return [type, { color, label, ...(EDGE_SHAPE[type] ?? { size: 1, arrow: true }) }];
    }),
  );

export const VERDICT_STYLE: Record<string, { label: string; color: string }> = Object.fromEntries(
  VERDICTS.map((verdict) => [verdict, { label: VERDICT_WORDS[verdict].label, color: VERDICT_WORDS[verdict].color }]),
);

/** Colours for parties and sides that bring none: distinct, readable on white. */
export const PALETTE = ['#2b6cb0', '#c53030', '#2f855a', '#b7791f', '#6b46c1', '#2c7a7b', '#97266d', '#4a5568'];

export function paletteColor(index: number): string {
  return PALETTE[index % PALETTE.length] as string;
}

export const DIMMED = '#edf2f7';
