/**
 * What the canvas draws for each node and edge: a pure function of the node's data and the derived state
 * (what is visible, in the spotlight, in focus), so sigma's reducers hold no rule of their own.
 */
import { DIMMED, EDGE_STYLE, KIND_STYLE, TYPE_STYLE, VERDICT_STYLE } from './appearance.ts';
import { colourOfParty } from './graph-data.ts';

export interface RenderContext {
  visible: ReadonlySet<string>;
  /** The node hovered or selected (when drawn), with its neighbours: the rest is dimmed. */
  center: string | null;
  neighbours: ReadonlySet<string>;
  /** The overlap focus's nodes: the rest is dimmed. */
  focus: ReadonlySet<string> | null;
  selected: string | null;
  verdicts: ReadonlyMap<string, string>;
  colours: ReadonlyMap<string, string>;
  /** The negotiation's nodes, to complete a console result's (a position's holders). */
  negotiationNodes: ReadonlyMap<string, Record<string, unknown>>;
}

const LABEL_LENGTH = 38;
const FADED_EDGE = '#f7fafc';

export function isDimmed(node: string, context: RenderContext): boolean {
  if (context.focus && !context.focus.has(node)) return true;
  return context.center !== null && node !== context.center && !context.neighbours.has(node);
}

/** The ring of most position kinds; thicker ones stand out. */
const THIN_RING = 0.3;

export function nodeDisplay(node: string, data: Record<string, unknown>, context: RenderContext) {
  const type = String(data.nodeType);
  const style = TYPE_STYLE[type] ?? TYPE_STYLE.Option;
  const display: Record<string, unknown> = { ...data, type: style?.program, size: style?.size, color: style?.color };
  if (type === 'Party') display.color = colourOfParty(context.colours, String(data.slug));
  if (type === 'Position') {
    const parties = (data.parties ?? context.negotiationNodes.get(node)?.parties ?? []) as string[];
    const kind = KIND_STYLE[String(data.kind)];
    display.color = parties[0] ? colourOfParty(context.colours, parties[0]) : style?.color;
    display.borderColor = kind?.color ?? '#000';
    display.borderSize = kind?.border ?? 0.3;
    // The kinds the vocabulary rings thickest (red lines) are drawn larger too.
    display.size = 5 + 2 * Number(data.firmnessRank ?? 1) + ((kind?.border ?? 0) > THIN_RING ? 3 : 0);
  }
  if (type === 'Issue') {
    const verdict = context.verdicts.get(node);
    display.borderColor = verdict ? (VERDICT_STYLE[verdict]?.color ?? '#2d3748') : '#2d3748';
    display.borderSize = verdict ? 0.45 : 0.25;
    display.color = '#ffffff';
  }
  if (!context.visible.has(node)) display.hidden = true;
  if (isDimmed(node, context)) {
    display.color = DIMMED;
    display.borderColor = DIMMED;
    display.label = '';
    display.zIndex = 0;
  } else {
    display.zIndex = 1;
    if (context.center) display.forceLabel = true;
  }
  if (node === context.selected) display.highlighted = true;
  // Long labels are cut on the canvas (the details panel has them whole) unless the node is in the spotlight.
  const label = String(display.label ?? '');
  if (label.length > LABEL_LENGTH && node !== context.center) display.label = `${label.slice(0, LABEL_LENGTH - 1)}…`;
  return display;
}

export function edgeDisplay(source: string, target: string, data: Record<string, unknown>, context: RenderContext) {
  const style = EDGE_STYLE[String(data.relationship)] ?? { color: '#e2e8f0', size: 1, arrow: false };
  const display: Record<string, unknown> = {
    ...data,
    type: style.arrow ? 'arrow' : 'line',
    color: style.color,
    size: style.size,
  };
  if (!context.visible.has(source) || !context.visible.has(target)) display.hidden = true;
  const { center, focus } = context;
  if (center && source !== center && target !== center) display.color = FADED_EDGE;
  if (focus && !(focus.has(source) && focus.has(target))) display.color = FADED_EDGE;
  return display;
}
