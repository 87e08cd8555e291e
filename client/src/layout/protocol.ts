/** The messages between the layout runner and its worker. */
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

export interface LayoutJob {
  nodes: string[];
  /** x, y of each node in `nodes`' order. */
  xy: Float64Array;
  edges: Array<[number, number]>;
  settings: ForceAtlas2Settings;
  iterations: number;
  step: number;
}

export interface LayoutProgress {
  xy: Float64Array;
  fraction: number;
  done: boolean;
}
