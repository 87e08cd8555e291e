/** Starting positions are reproducible: the same graph and seed give the same picture. */
import assert from 'node:assert/strict';
import { MultiDirectedGraph as Graph } from 'graphology';
import { placeNodes } from '../../client/src/core/layout.ts';

function ring(order: number): Graph {
  const graph = new Graph();
  for (let i = 0; i < order; i++) graph.addNode(`n${i}`);
  for (let i = 0; i < order; i++) graph.addEdge(`n${i}`, `n${(i + 1) % order}`);
  return graph;
}
const positions = (graph: Graph) => graph.mapNodes((key, a) => [key, a.x, a.y]);

describe('the client layout', () => {
  it('places a new graph the same way for the same seed, and otherwise for another', () => {
    const a = ring(30);
    const b = ring(30);
    const c = ring(30);
    placeNodes(a, new Map(), 7);
    placeNodes(b, new Map(), 7);
    placeNodes(c, new Map(), 8);
    assert.deepEqual(positions(a), positions(b));
    assert.notDeepEqual(positions(a), positions(c));
  });

  it('keeps known places and puts a new node next to a neighbour, the same way each time', () => {
    const known = new Map([
      ['n0', { x: 100, y: 50 }],
      ['n1', { x: -20, y: 5 }],
    ]);
    const place = () => {
      const graph = new Graph();
      for (const key of ['n0', 'n1', 'new']) graph.addNode(key);
      graph.addEdge('n0', 'new');
      placeNodes(graph, known, 7);
      return graph;
    };
    const graph = place();
    assert.deepEqual(graph.getNodeAttributes('n1'), { x: -20, y: 5 });
    const { x, y } = graph.getNodeAttributes('new');
    assert.ok(Math.abs(x - 100) <= 2 && Math.abs(y - 50) <= 2, `${x}, ${y}`);
    assert.deepEqual(positions(place()), positions(graph));
  });
});
