/**
 * The graph canvas: graphology holds the graph shown, sigma draws it through reducers that ask the derived
 * state (core/render.ts). Mounting creates sigma and the layout runner; the returned disposer kills both.
 * The camera follows the layout's frame target, so what a link or a focus asks to see stays in view while
 * the layout moves nodes.
 */
import { computed, effect } from '@preact/signals-core';
import { createNodeBorderProgram } from '@sigma/node-border';
import { NodeSquareProgram } from '@sigma/node-square';
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram } from 'sigma/rendering';
import { placeNodes } from '../core/layout.ts';
import { edgeDisplay, nodeDisplay, type RenderContext } from '../core/render.ts';
import type { AppState } from '../core/state/index.ts';
import { LayoutRunner } from '../layout/runner.ts';

const BorderedProgram = createNodeBorderProgram({
  borders: [
    { size: { attribute: 'borderSize', defaultValue: 0.3 }, color: { attribute: 'borderColor' } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});

export interface MountedCanvas {
  graph: Graph;
  sigma: Sigma;
  layout: LayoutRunner;
  dispose(): void;
}

export function mountCanvas(container: HTMLElement, app: AppState): MountedCanvas {
  const { derived, selection, layout: layoutStore, actions } = app;
  const graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  const context = computed<RenderContext>(() => ({
    visible: derived.visible.value,
    center: derived.center.value,
    neighbours: derived.neighbours.value,
    focus: derived.focusNodes.value,
    selected: selection.selected.value,
    verdicts: derived.verdicts.value,
    colours: derived.colours.value,
    negotiationNodes: derived.negotiationNodes.value,
  }));
  const sigma = new Sigma(graph, container, {
    nodeProgramClasses: { circle: NodeCircleProgram, square: NodeSquareProgram, bordered: BorderedProgram },
    edgeProgramClasses: { line: EdgeLineProgram, arrow: EdgeArrowProgram },
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 7,
    labelDensity: 0.5,
    labelGridCellSize: 120,
    labelFont: 'system-ui, sans-serif',
    zIndex: true,
    nodeReducer: (node, data) => nodeDisplay(node, data, context.peek()),
    edgeReducer: (edge, data) => {
      const [source, target] = graph.extremities(edge);
      return edgeDisplay(source, target, data, context.peek());
    },
  });
  const runner = new LayoutRunner(graph, layoutStore);
  /** Every place a node had, so a graph shown again (after a console result) comes back as it was. */
  const places = new Map<string, { x: number; y: number }>();
  const remember = () => graph.forEachNode((key, a) => places.set(key, { x: a.x, y: a.y }));

  sigma.on('enterNode', ({ node }) => selection.hover(node));
  sigma.on('leaveNode', () => selection.hover(null));
  sigma.on('clickNode', ({ node }) => actions.select(node, 'canvas'));
  sigma.on('clickStage', () => actions.clearSpotlight());
  // The user takes the camera: it stops following the frame target.
  const captor = sigma.getMouseCaptor();
  captor.on('mousedown', () => layoutStore.release());
  captor.on('wheel', () => layoutStore.release());

  const frame = () => {
    const target = layoutStore.frame.peek();
    if (!target) return;
    sigma.refresh();
    const camera = sigma.getCamera();
    const moving = layoutStore.running.peek();
    if (target === 'all') {
      if (moving) camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      else void camera.animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
      return;
    }
    const visible = derived.visible.peek();
    const points = [...target.nodes]
      .filter((n) => visible.has(n))
      .map((n) => sigma.getNodeDisplayData(n))
      .filter((d) => d !== undefined);
    if (points.length === 0) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const state = {
      x: (Math.max(...xs) + Math.min(...xs)) / 2,
      y: (Math.max(...ys) + Math.min(...ys)) / 2,
      ratio: points.length === 1 ? 0.35 : Math.min(1, Math.max(0.2, span * 1.3)),
    };
    if (moving) camera.setState(state);
    else void camera.animate(state, { duration: 300 });
  };

  const disposers = [
    // The graph shown changed: keep the places nodes had, place new ones, lay out when there are any.
    effect(() => {
      const shown = derived.shownGraph.value;
      runner.stop();
      remember();
      const incoming = Graph.from(shown as never);
      placeNodes(incoming, places, layoutStore.seed);
      graph.clear();
      graph.import(incoming);
      if (graph.someNode((key) => !places.has(key))) runner.start();
      remember();
      frame();
    }),
    effect(() => {
      context.value;
      sigma.refresh();
    }),
    effect(() => {
      layoutStore.step.value;
      layoutStore.frame.value;
      layoutStore.running.value;
      remember();
      frame();
    }),
  ];
  return {
    graph,
    sigma,
    layout: runner,
    dispose() {
      for (const dispose of disposers) dispose();
      runner.stop();
      sigma.kill();
    },
  };
}
