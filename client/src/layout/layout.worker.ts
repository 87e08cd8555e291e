/**
 * ForceAtlas2 off the main thread, for a fixed number of iterations (never for a time): the result depends
 * on the graph and its starting positions only. Positions go back after each step so the canvas animates.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutJob, LayoutProgress } from './protocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutJob>) => void) | null;
  postMessage(message: LayoutProgress): void;
};

scope.onmessage = ({ data: job }) => {
  const graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  job.nodes.forEach((key, i) => {
    graph.addNode(key, { x: job.xy[2 * i], y: job.xy[2 * i + 1] });
  });
  for (const [source, target] of job.edges) graph.addEdge(job.nodes[source], job.nodes[target]);
  let done = 0;
  const step = () => {
    const iterations = Math.min(job.step, job.iterations - done);
    forceAtlas2.assign(graph, { iterations, settings: job.settings });
    done += iterations;
    const xy = new Float64Array(job.nodes.length * 2);
    job.nodes.forEach((key, i) => {
      xy[2 * i] = graph.getNodeAttribute(key, 'x');
      xy[2 * i + 1] = graph.getNodeAttribute(key, 'y');
    });
    scope.postMessage({ xy, fraction: done / job.iterations, done: done >= job.iterations });
    if (done < job.iterations) setTimeout(step, 0); // lets a new job or termination in between
  };
  step();
};
