/** GET /api/negotiations, GET /api/nodes/{id} and GET /api/search (docs/api.md). */
import type { Json } from './console.ts';

export interface NegotiationSummary {
  id: string;
  label: string;
  summary?: string | null;
  date: string;
  place?: string | null;
  sides: string[];
  sideLabels: string[];
  counts: Record<
    'parties' | 'people' | 'issues' | 'options' | 'positions' | 'statements' | 'sources' | 'events',
    number
  >;
}

export interface NodeDetails {
  id: string;
  nodeType: string;
  labels: string[];
  properties: Record<string, Json>;
  neighbours: Json;
  /** For a position: holders, issue, options, related positions, statements; a party: positions by issue;
   * an issue: options and each side's positions. */
  details?: Record<string, Json>;
}

export const SEARCH_FIELDS = ['label', 'summary', 'quote'] as const;

export interface SearchHit {
  id: string;
  nodeType: string;
  label: string;
  negotiation: string | null;
  score: number;
  /** Which field matched best: label, summary or quote. */
  field: (typeof SEARCH_FIELDS)[number];
  /** The matched field's text. */
  text: string;
}
