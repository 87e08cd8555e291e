import { z } from 'zod';
import type { SearchHit } from '../../../../shared/api/nodes.ts';
import type { Database } from '../../neo4j/database.ts';

const text = z.string().nullable().default(null);
/** search/fulltext: a node the index found, with the fields that may have matched. */
const searchRow = z.object({
  id: z.string(),
  nodeType: z.string(),
  label: text,
  summary: text,
  quote: text,
  negotiation: text,
  score: z.number(),
});

// Lucene's special characters, escaped so that the user's words are searched as words.
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** The user's words as a Lucene query: every word must match; the last one may be the start of a word. */
export function toLuceneQuery(text: string): string | undefined {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((w) => w.length > 0 && !/^(AND|OR|NOT)$/.test(w));
  if (words.length === 0) return undefined;
  const last = words.pop() as string;
  return [...words, `(${last} OR ${last}*)`].join(' AND ');
}

function matchedField(words: string[], fields: Record<'label' | 'summary' | 'quote', string | null>) {
  let best: { field: 'label' | 'summary' | 'quote'; hits: number } = { field: 'label', hits: -1 };
  for (const field of ['label', 'quote', 'summary'] as const) {
    const text = fields[field]?.toLowerCase();
    if (!text) continue;
    const hits = words.filter((w) => text.includes(w)).length;
    if (hits > best.hits) best = { field, hits };
  }
  return best.field;
}

export class SearchService {
  constructor(private readonly db: Database) {}

  async search(text: string, negotiation: string | undefined, limit: number): Promise<SearchHit[]> {
    const query = toLuceneQuery(text);
    if (!query) return [];
    const rows = await this.db.rows('search/fulltext', searchRow, { query, negotiation: negotiation ?? null, limit });
    const words = text.toLowerCase().split(/\W+/).filter(Boolean);
    return rows.map((r) => {
      const fields = { label: r.label, summary: r.summary, quote: r.quote };
      const field = matchedField(words, fields);
      return {
        id: r.id,
        nodeType: r.nodeType,
        label: fields.label ?? r.id,
        negotiation: r.negotiation,
        score: r.score,
        field,
        text: fields[field] ?? fields.label ?? '',
      };
    });
  }
}
