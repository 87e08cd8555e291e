/** The browser's side of the API: typed fetches that turn problem responses into ApiError. */
import type { ConsoleResult as CypherResult, SavedQuery, SavedQueryParameter } from '../../../shared/api/console.ts';
import type { SerializedGraph } from '../../../shared/api/graph.ts';
import type { SearchHit } from '../../../shared/api/nodes.ts';
import type { OverlapReport } from '../../../shared/api/overlaps.ts';

export type { CypherResult, OverlapReport, SavedQuery, SavedQueryParameter, SearchHit, SerializedGraph };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail);
  }
  /** The server or its database cannot be reached (as opposed to a bad request). */
  get unavailable(): boolean {
    return this.status === 0 || this.status === 503;
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'Server unreachable', 'The Common Ground server cannot be reached.');
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body.title ?? response.statusText,
      body.detail ?? `HTTP ${response.status}`,
      body,
    );
  }
  return body as T;
}

export interface NegotiationSummary {
  id: string;
  label: string;
  date: string;
  sides: string[];
  sideLabels: string[];
  counts: Record<string, number>;
}

export interface Statement {
  id: string;
  quote: string;
  paraphrase?: boolean;
  date: string;
  speaker: { id: string; label: string; role?: string; nodeType: string } | null;
  source: { id: string; outlet: string; title: string; date: string; url?: string };
  event: { id: string; label: string; date: string } | null;
}

/** A JSON value as the Cypher console returns it (nodes, relationships and paths are objects, see below). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** How a row value shows a node, a relationship, a path (server/src/neo4j/values.ts). */
export interface RowNode {
  elementId: string;
  labels: string[];
  properties: Record<string, Json>;
}
export interface RowRelationship {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, Json>;
}
export interface RowPath {
  start: RowNode;
  end: RowNode;
  segments: Array<{ start: RowNode; relationship: RowRelationship; end: RowNode }>;
}

// biome-ignore lint/suspicious/noExplicitAny: node details differ by node type (docs/api.md); the details view reads them
type ByNodeType = any;

export type NodeDetails = {
  id: string;
  nodeType: string;
  labels: string[];
  properties: Record<string, ByNodeType>;
  neighbours: ByNodeType[];
  details?: ByNodeType;
};

export const api = {
  negotiations: () => request<{ negotiations: NegotiationSummary[] }>('/api/negotiations'),
  graph: (negotiation: string, include: string[] = []) =>
    request<SerializedGraph>(
      `/api/graph?${new URLSearchParams({ negotiation, ...(include.length ? { include: include.join(',') } : {}) })}`,
    ),
  node: (id: string) => request<NodeDetails>(`/api/nodes/${encodeURIComponent(id)}`),
  search: (q: string, negotiation: string) =>
    request<{ results: SearchHit[] }>(`/api/search?${new URLSearchParams({ q, negotiation, limit: '8' })}`),
  overlaps: (negotiation: string, without: string[] = []) =>
    request<OverlapReport>(
      `/api/overlaps?${new URLSearchParams({ negotiation, ...(without.length ? { without: without.join(',') } : {}) })}`,
    ),
  health: () => request<{ status: string }>('/api/health'),
  /** Runs a read-only Cypher query (POST /api/cypher); problems (refused, syntax, timeout) come as ApiError. */
  cypher: (query: string, params: Record<string, unknown> = {}) =>
    request<CypherResult>('/api/cypher', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, params }),
    }),
  queries: () => request<{ queries: SavedQuery[] }>('/api/queries'),
};
