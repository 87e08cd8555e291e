import type { SearchHit } from '../../../../shared/api/nodes.ts';
import type { Database } from '../../neo4j/database.ts';
import { toJson } from '../../neo4j/values.ts';

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
    const records = await this.db.read('search/fulltext', { query, negotiation: negotiation ?? null, limit });
    const words = text.toLowerCase().split(/\W+/).filter(Boolean);
    return records.map((r) => {
      const fields = { label: r.get('label'), summary: r.get('summary'), quote: r.get('quote') };
      const field = matchedField(words, fields);
      return {
        id: r.get('id'),
        nodeType: r.get('nodeType'),
        label: fields.label ?? r.get('id'),
        negotiation: r.get('negotiation') ?? null,
        score: toJson(r.get('score')) as number,
        field,
        text: fields[field] ?? fields.label ?? '',
      };
    });
  }
}
