/**
 * The vocabulary (shared/vocabulary.ts) against the two places the compiler cannot see: the dataset
 * format's JSON Schema and the Cypher files.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CypherLibrary } from '../../server/src/neo4j/cypher.ts';
import {
  FIRMNESS,
  KIND_DISPLAY_ORDER,
  KIND_ROLES,
  KINDS,
  LOADER_LABELS,
  NODE_LABELS,
  OPTION_STATUSES,
  PARTY_TYPES,
  POSITION_KINDS,
  RELATIONSHIP_TYPES,
  VERDICTS,
} from '../../shared/vocabulary.ts';

const schema = JSON.parse(readFileSync(new URL('../../data/schema.json', import.meta.url), 'utf8'));

/** The `enum` of a property of one of the schema's top-level lists (`positions` → `kind`). */
function schemaEnum(list: string, property: string): unknown {
  return schema.properties[list].items.properties[property].enum;
}

/**
 * Words a Cypher file may quote that are not the domain's: the loader's bookkeeping (phases and states),
 * directions in node details, the full-text index's name.
 */
const BOOKKEEPING_WORDS = new Set(['load', 'staging', 'retiring', 'retired', 'incoming', 'outgoing', 'search']);

const cypher = new CypherLibrary();
/** Each file's text without its comments (a `//` after a quote is kept: it may be in a string). */
const files = cypher.names().map((name) => ({
  name,
  text: cypher
    .file(name)
    .split('\n')
    .map((line) => line.replace(/(^|\s)\/\/.*$/, ''))
    .join('\n'),
}));

function everyMatch(pattern: RegExp): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { name, text } of files) {
    for (const match of text.matchAll(pattern)) {
      for (const word of (match[1] ?? '').split('|')) found.set(word, [...(found.get(word) ?? []), name]);
    }
  }
  return found;
}

// `(n:Party)`, `(:Position {…})`, `FOR (n:Negotiation|Party|…)`
const LABELS = '([A-Z][A-Za-z]*(?:\\|[A-Z][A-Za-z]*)*)';
const labels = everyMatch(new RegExp(`\\(\\s*\\w*\\s*:\\s*${LABELS}`, 'g'));
// `WHERE n:Party`, `AND NOT x:Position`
for (const [word, names] of everyMatch(new RegExp(`\\b(?:WHERE|AND|OR|NOT)\\s+\\w+:${LABELS}`, 'g'))) {
  labels.set(word, [...(labels.get(word) ?? []), ...names]);
}
// `[:HOLDS]`, `[r:FOR|AGAINST]`, `-[:PARTY_TO {side: …}]->`
const relationshipTypes = everyMatch(/\[\s*\w*\s*:\s*([A-Z][A-Z_]*(?:\|[A-Z][A-Z_]*)*)/g);
const quotedSlugs = everyMatch(/'([a-z][a-z-]*)'/g);

describe('the vocabulary (shared/vocabulary.ts)', () => {
  describe('and the dataset format (data/schema.json)', () => {
    it('has the position kinds of the schema, in its order', () => {
      assert.deepEqual(schemaEnum('positions', 'kind'), [...POSITION_KINDS]);
    });
    it('has the firmness levels of the schema, weakest first', () => {
      assert.deepEqual(schemaEnum('positions', 'firmness'), [...FIRMNESS]);
    });
    it('has the party types of the schema', () => {
      assert.deepEqual(schemaEnum('parties', 'type'), [...PARTY_TYPES]);
    });
  });

  describe('and the Cypher files (cypher/**/*.cypher)', () => {
    it('names every node label the Cypher uses, and each of its labels is used', () => {
      const known = new Set<string>([...NODE_LABELS, ...LOADER_LABELS]);
      const unknown = [...labels].filter(([word]) => !known.has(word));
      assert.deepEqual(unknown, [], 'labels missing from NODE_LABELS (or LOADER_LABELS), with the files using them');
      assert.deepEqual(
        [...known].filter((label) => !labels.has(label)),
        [],
        'labels no Cypher file uses',
      );
    });

    it('names every relationship type the Cypher uses, and each of its types is used', () => {
      const known = new Set<string>(RELATIONSHIP_TYPES);
      const unknown = [...relationshipTypes].filter(([word]) => !known.has(word));
      assert.deepEqual(unknown, [], 'relationship types missing from RELATIONSHIP_TYPES, with the files using them');
      assert.deepEqual(
        RELATIONSHIP_TYPES.filter((type) => !relationshipTypes.has(type)),
        [],
        'relationship types no Cypher file uses',
      );
    });

    it('has every word the Cypher quotes: kinds, verdicts, statuses, firmness, party types', () => {
      const known = new Set<string>([
        ...POSITION_KINDS,
        ...VERDICTS,
        ...OPTION_STATUSES,
        ...FIRMNESS,
        ...PARTY_TYPES,
        ...BOOKKEEPING_WORDS,
      ]);
      assert.deepEqual(
        [...quotedSlugs].filter(([word]) => !known.has(word)),
        [],
        'quoted words that are not in the vocabulary, with the files using them',
      );
    });

    it('decides every verdict and option status in the analysis', () => {
      const rules = files.find((f) => f.name === 'analysis/verdicts')?.text ?? '';
      for (const word of [...VERDICTS, ...OPTION_STATUSES]) assert.match(rules, new RegExp(`'${word}'`), word);
    });

    it('takes the kinds by role as a parameter: no kind is quoted in the analysis', () => {
      const quoted = [...quotedSlugs].filter(
        ([word, names]) => (POSITION_KINDS as readonly string[]).includes(word) && names.includes('analysis/verdicts'),
      );
      assert.deepEqual(quoted, []);
      const roles = files.flatMap((f) => [...f.text.matchAll(/\$kindRoles\.(\w+)/g)].map((m) => m[1]));
      assert.ok(roles.length > 0);
      for (const role of roles) assert.ok(role && role in KIND_ROLES, `$kindRoles.${role}`);
    });
  });

  describe('its tables', () => {
    it('lists every kind once in the display order', () => {
      assert.deepEqual([...KIND_DISPLAY_ORDER].sort(), [...POSITION_KINDS].sort());
    });
    it('gives every supporting kind, and only those, a collision order', () => {
      for (const kind of POSITION_KINDS) {
        assert.equal(KINDS[kind].collisionOrder !== null, KINDS[kind].supports, kind);
      }
    });
  });
});
