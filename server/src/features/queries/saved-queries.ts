/**
 * Saved queries are the files in cypher/queries/. Each declares itself in a header comment:
 *   // title: Red lines by party
 *   // description: What it shows.
 *   // param: negotiation: string = nato-russia-2022 | the negotiation's id
 * Parameter types: string, integer, number, boolean, date (a YYYY-MM-DD string).
 *
 * A saved query that runs an analysis's rules says so instead of copying them:
 *   // rules: analysis/verdicts
 * Its own text is then only its first clause (reading the console's parameters, ending `AS setAside`),
 * and the rest is the analysis file's after the same clause, with the vocabulary's parameters written out.
 */
import {
  SAVED_QUERY_PARAMETER_TYPES,
  type SavedQuery,
  type SavedQueryParameter,
} from '../../../../shared/api/console.ts';
import { KIND_ROLES } from '../../../../shared/vocabulary.ts';
import type { CypherLibrary } from '../../neo4j/cypher.ts';

const TYPES = new Set<string>(SAVED_QUERY_PARAMETER_TYPES);

function parseDefault(type: SavedQueryParameter['type'], text: string): string | number | boolean {
  if (type === 'integer' || type === 'number') return Number(text);
  if (type === 'boolean') return text === 'true';
  return text;
}

export function parseSavedQuery(name: string, text: string, cypher?: CypherLibrary): SavedQuery {
  const header = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^\/\/\s*(title|description|param|rules):\s*(.*)$/.exec(line.trim());
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
  const rules = header.get('rules')?.[0];
  const query = rules ? withRules(name, text, rules, cypher) : text;
  return { name: name.replace(/^queries\//, ''), title, description, parameters, query: query.trim() };
}

/** Where an analysis's first clause ends: the clause that reads its parameters into `setAside`. */
const FIRST_CLAUSE_END = /^.*\bAS setAside\s*$/m;

function withRules(name: string, text: string, rules: string, cypher: CypherLibrary | undefined): string {
  if (!cypher) throw new Error(`cypher/${name}.cypher runs the rules of ${rules}: it needs the Cypher library`);
  const analysis = cypher.file(rules);
  const own = FIRST_CLAUSE_END.exec(text);
  const theirs = FIRST_CLAUSE_END.exec(analysis);
  if (!own || !theirs) {
    throw new Error(
      `cypher/${name}.cypher and cypher/${rules}.cypher must each begin with a clause ending "AS setAside"`,
    );
  }
  const rest = analysis.slice(theirs.index + theirs[0].length);
  return `${text.slice(0, own.index + own[0].length)}${withKindRoles(rest, `cypher/${rules}.cypher`)}`;
}

/**
 * The console sends only the parameters a person types, so `$kindRoles.<role>` is written out as a list
 * literal. The words come from the vocabulary (never from a request) and are checked to be plain slugs.
 */
function withKindRoles(text: string, file: string): string {
  return text.replace(/\$kindRoles\.(\w+)/g, (_match, role: string) => {
    const kinds = (KIND_ROLES as Record<string, readonly string[]>)[role];
    if (!kinds) throw new Error(`${file}: $kindRoles has no role "${role}"`);
    for (const kind of kinds) if (!/^[a-z][a-z-]*$/.test(kind)) throw new Error(`the kind "${kind}" is not a slug`);
    return `[${kinds.map((kind) => `'${kind}'`).join(', ')}]`;
  });
}

/** Every saved query, read (and checked) once at start-up. */
export function savedQueries(cypher: CypherLibrary): SavedQuery[] {
  return cypher
    .names()
    .filter((name) => name.startsWith('queries/'))
    .map((name) => parseSavedQuery(name, cypher.file(name), cypher));
}
