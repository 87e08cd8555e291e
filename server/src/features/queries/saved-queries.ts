/**
 * Saved queries are the files in cypher/queries/. Each declares itself in a header comment:
 *   // title: Red lines by party
 *   // description: What it shows.
 *   // param: negotiation: string = nato-russia-2022 | the negotiation's id
 * Parameter types: string, integer, number, boolean, date (a YYYY-MM-DD string).
 */
import type { CypherLibrary } from '../../neo4j/cypher.ts';

export interface SavedQueryParameter {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  default?: string | number | boolean;
  description: string;
}

export interface SavedQuery {
  name: string;
  title: string;
  description: string;
  parameters: SavedQueryParameter[];
  query: string;
}

const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'date']);

function parseDefault(type: SavedQueryParameter['type'], text: string): string | number | boolean {
  if (type === 'integer' || type === 'number') return Number(text);
  if (type === 'boolean') return text === 'true';
  return text;
}

export function parseSavedQuery(name: string, text: string): SavedQuery {
  const header = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^\/\/\s*(title|description|param):\s*(.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined) header.set(match[1], [...(header.get(match[1]) ?? []), match[2].trim()]);
  }
  const title = header.get('title')?.[0];
  const description = header.get('description')?.[0];
  if (!title || !description)
    throw new Error(`cypher/${name}.cypher needs "// title:" and "// description:" header lines`);
  const parameters = (header.get('param') ?? []).map((declaration) => {
    const match = /^(\w+):\s*(\w+)(?:\s*=\s*([^|]*?))?\s*(?:\|\s*(.*))?$/.exec(declaration);
    if (!match?.[1] || !match[2] || !TYPES.has(match[2])) {
      throw new Error(
        `cypher/${name}.cypher: cannot read the parameter "${declaration}" (name: type = default | description)`,
      );
    }
    const type = match[2] as SavedQueryParameter['type'];
    return {
      name: match[1],
      type,
      ...(match[3] ? { default: parseDefault(type, match[3]) } : {}),
      description: match[4] ?? '',
    };
  });
  return { name: name.replace(/^queries\//, ''), title, description, parameters, query: text.trim() };
}

/** Every saved query, read (and checked) once at start-up. */
export function savedQueries(cypher: CypherLibrary): SavedQuery[] {
  return cypher
    .names()
    .filter((name) => name.startsWith('queries/'))
    .map((name) => parseSavedQuery(name, cypher.get(name)));
}
