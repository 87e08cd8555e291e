/**
 * The graph canvas: graphology holds the data graph, sigma draws it. Hover, selection, filters, the legend
 * and the overlap focus are view state turned into display attributes by the reducers; the graph itself is
 * never changed to show them.
 */
import { createNodeBorderProgram } from '@sigma/node-border';
import { NodeSquareProgram } from '@sigma/node-square';
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram } from 'sigma/rendering';
import type { SerializedGraph } from '../api/client.ts';
import { DIMMED, EDGE_STYLE, KIND_STYLE, paletteColor, TYPE_STYLE, VERDICT_STYLE } from '../core/appearance.ts';
import { createLayout, type LayoutControl, placeNewNodes } from '../core/layout.ts';
import type { Store, ViewState } from '../core/state.ts';
import { visibleNodes } from '../core/visibility.ts';

const BorderedProgram = createNodeBorderProgram({
  borders: [
    { size: { attribute: 'borderSize', defaultValue: 0.3 }, color: { attribute: 'borderColor' } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});

const LABEL_LENGTH = 38;

export class Canvas {
  readonly graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  readonly sigma: Sigma;
  #layout: LayoutControl | undefined;
  #visible = new Set<string>();
  #partyColors = new Map<string, string>();
  #neighbours = new Set<string>();

  constructor(
    container: HTMLElement,
    private readonly store: Store,
    private readonly onLayoutProgress: (fraction: number, running: boolean) => void,
  ) {
    this.sigma = new Sigma(this.graph, container, {
      nodeProgramClasses: { circle: NodeCircleProgram, square: NodeSquareProgram, bordered: BorderedProgram },
      edgeProgramClasses: { line: EdgeLineProgram, arrow: EdgeArrowProgram },
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 7,
      labelDensity: 0.5,
      labelGridCellSize: 120,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      nodeReducer: (node, data) => this.#nodeDisplay(node, data),
      edgeReducer: (edge, data) => this.#edgeDisplay(edge, data),
    });
    this.sigma.on('enterNode', ({ node }) => store.update({ hovered: node }));
    this.sigma.on('leaveNode', () => store.update({ hovered: null }));
    this.sigma.on('clickNode', ({ node }) => store.update({ selected: node }));
    this.sigma.on('clickStage', () => store.update({ selected: null, focus: null }));
    store.subscribe((state) => this.#refresh(state));
  }

  /** Shows a new graph from the API, keeping the places of nodes that were already on the canvas. */
  setGraph(serialized: SerializedGraph): void {
    const known = new Map<string, { x: number; y: number }>();
    this.graph.forEachNode((key, a) => known.set(key, { x: a.x, y: a.y }));
    this.#layout?.kill();
    // Nodes get their places before sigma sees them: it draws every node it is told about.
    const incoming = Graph.from(serialized as never);
    placeNewNodes(incoming, known);
    this.#partyColors.clear();
    let index = 0;
    incoming.forEachNode((_key, a) => {
      if (a.nodeType === 'Party') this.#partyColors.set(String(a.slug), (a.color as string) ?? paletteColor(index++));
    });
    this.graph.clear();
    this.graph.import(incoming);
    this.#layout = createLayout(this.graph, this.onLayoutProgress);
    if (known.size === 0 || this.graph.someNode((key) => !known.has(key))) this.#layout.start();
    this.#refresh(this.store.state);
  }

  /**
   * Shows any graph from the API (a Cypher console result): in place of the current one, or merged into it.
   * Nodes already on the canvas keep their places; new ones start next to a neighbour.
   */
  showGraph(serialized: SerializedGraph, mode: 'replace' | 'merge'): void {
    if (mode === 'replace') {
      this.setGraph(serialized);
      return;
    }
    const known = new Map<string, { x: number; y: number }>();
    this.graph.forEachNode((key, a) => known.set(key, { x: a.x, y: a.y }));
    const incoming = Graph.from(serialized as never);
    incoming.forEachNode((key) => {
      if (this.graph.hasNode(key)) incoming.mergeNodeAttributes(key, this.graph.getNodeAttributes(key));
    });
    placeNewNodes(incoming, known);
    this.graph.import(incoming, true);
    if (incoming.someNode((key) => !known.has(key))) this.#layout?.start();
    this.#refresh(this.store.state);
  }

  partyColor(slug: string): string {
    return this.#partyColors.get(slug) ?? paletteColor(0);
  }

  get layout(): LayoutControl | undefined {
    return this.#layout;
  }

  isVisible(node: string): boolean {
    return this.#visible.has(node);
  }

  /** Moves the camera to a node. */
  centerOn(node: string): void {
    const display = this.sigma.getNodeDisplayData(node);
    if (display) void this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 500 });
  }

  /** Moves the camera to show a set of nodes. */
  fit(nodes: Iterable<string>): void {
    const points = [...nodes].map((n) => this.sigma.getNodeDisplayData(n)).filter((d) => d !== undefined);
    if (points.length === 0) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    void this.sigma.getCamera().animate(
      {
        x: (Math.max(...xs) + Math.min(...xs)) / 2,
        y: (Math.max(...ys) + Math.min(...ys)) / 2,
        ratio: Math.min(1, Math.max(0.2, span * 1.3)),
      },
      { duration: 500 },
    );
  }

  kill(): void {
    this.#layout?.kill();
    this.sigma.kill();
  }

  #refresh(state: ViewState): void {
    this.#visible = visibleNodes(this.graph, state.filters, state.hidden);
    const center = state.hovered ?? state.selected;
    this.#neighbours = new Set(center && this.graph.hasNode(center) ? this.graph.neighbors(center) : []);
    this.sigma.refresh({ skipIndexation: false });
  }

  #nodeDisplay(node: string, data: Record<string, unknown>): Record<string, unknown> {
    const state = this.store.state;
    const type = String(data.nodeType);
    const style = TYPE_STYLE[type] ?? TYPE_STYLE.Option;
    const display: Record<string, unknown> = { ...data, type: style?.program, size: style?.size, color: style?.color };
    const parties = (data.parties as string[] | undefined) ?? [];
    if (type === 'Party') display.color = this.partyColor(String(data.slug));
    if (type === 'Position') {
      const kind = KIND_STYLE[String(data.kind)];
      display.color = parties.length ? this.partyColor(parties[0] as string) : style?.color;
      display.borderColor = kind?.color ?? '#000';
      display.borderSize = kind?.border ?? 0.3;
      display.size = 5 + 2 * Number(data.firmnessRank ?? 1) + (data.kind === 'red-line' ? 3 : 0);
    }
    if (type === 'Issue') {
      const verdict = state.verdicts.get(node);
      display.borderColor = verdict ? (VERDICT_STYLE[verdict]?.color ?? '#2d3748') : '#2d3748';
      display.borderSize = verdict ? 0.45 : 0.25;
      display.color = '#ffffff';
    }
    if (!this.#visible.has(node)) display.hidden = true;
    const center = state.hovered ?? state.selected;
    const inFocus = state.focus ? state.focus.nodes.has(node) : true;
    if ((center && node !== center && !this.#neighbours.has(node)) || !inFocus) {
      display.color = DIMMED;
      display.borderColor = DIMMED;
      display.label = '';
      display.zIndex = 0;
    } else {
      display.zIndex = 1;
      if (center) display.forceLabel = true;
    }
    if (node === state.selected) display.highlighted = true;
    // Long labels are cut on the canvas (the details panel has them whole) unless the node is in the spotlight.
    const label = String(display.label ?? '');
    if (label.length > LABEL_LENGTH && node !== center) display.label = `${label.slice(0, LABEL_LENGTH - 1)}…`;
    return display;
  }

  #edgeDisplay(edge: string, data: Record<string, unknown>): Record<string, unknown> {
    const state = this.store.state;
    const style = EDGE_STYLE[String(data.relationship)] ?? { color: '#e2e8f0', size: 1, arrow: false };
    const display: Record<string, unknown> = {
      ...data,
      type: style.arrow ? 'arrow' : 'line',
      color: style.color,
      size: style.size,
    };
    const [source, target] = this.graph.extremities(edge);
    if (!this.#visible.has(source) || !this.#visible.has(target)) display.hidden = true;
    const center = state.hovered ?? state.selected;
    if (center && source !== center && target !== center) display.color = '#f7fafc';
    if (state.focus && !(state.focus.nodes.has(source) && state.focus.nodes.has(target))) display.color = '#f7fafc';
    return display;
  }
}
