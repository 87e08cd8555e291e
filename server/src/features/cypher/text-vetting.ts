/**
 * The console's first check, on the analyst's text, before anything reaches Neo4j. Besides the
 * expression rules (expression-vetting.ts) it refuses what the console decides for itself (EXPLAIN,
 * PROFILE, query options, another database) and what Neo4j's parser cannot survive or be stopped in:
 * it parses without checking for a timeout, and an expression nested a few hundred levels deep
 * overflows its stack and leaves the connection hanging (measured on Neo4j 5.26: 300 nested
 * parentheses, 200 nested CASE, a chain of 250 `a + a`), while every token costs it time.
 */
import { isKeyword, type Refusal, vetExpressions } from './expression-vetting.ts';
import { decodeUnicodeEscapes, type Token, tokenize } from './query-text.ts';

/** How deep expressions may nest (brackets, CASE, chains of operators), well below where Neo4j's parser fails. */
export const MAX_DEPTH = 64;
/** How many tokens a query may have; Neo4j parses about a thousand a second on a busy core and cannot be stopped then. */
export const MAX_TOKENS = 3_000;

/**
 * Operators by precedence, lowest first. A chain of operators of one tier (`a + b + c`) nests one level
 * deeper with each operator; an operator of a lower tier starts the higher tiers afresh
 * (`a.x = 1 AND b.y = 2` is two comparisons under one AND, not a chain of six).
 */
const TIERS: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['OR']),
  new Set(['XOR']),
  new Set(['AND']),
  new Set(['NOT']),
  new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '=~', 'IN', 'CONTAINS', 'STARTS', 'ENDS', 'IS']),
  new Set(['+', '-', '||']),
  new Set(['*', '/', '%']),
  new Set(['^']),
  new Set(['.']),
];
const SEPARATOR_SYMBOLS = new Set([',', '|', ':', ';']);
const SEPARATOR_WORDS = new Set([
  'MATCH',
  'OPTIONAL',
  'WHERE',
  'WITH',
  'RETURN',
  'UNWIND',
  'ORDER',
  'SKIP',
  'LIMIT',
  'AS',
  'CALL',
  'YIELD',
  'UNION',
  'WHEN',
  'THEN',
  'ELSE',
]);
const CLOSERS = new Set([')', ']', '}']);

interface Level {
  weight: number;
  /** The length of the current chain of operators of each tier. */
  chains: number[];
}

const levelDepth = (level: Level) => level.weight + level.chains.reduce((sum, chain) => sum + chain, 0);

/**
 * A bound on how deep Neo4j's parse tree and syntax tree get: every open bracket or CASE is a level
 * (maps and CASE count twice: each holds an expression inside another construct), and every operator
 * of a chain another, until a comma or a clause starts a new expression.
 */
export function nestingDepth(tokens: Token[]): number {
  const levels: Level[] = [{ weight: 0, chains: TIERS.map(() => 0) }];
  let deepest = 0;
  for (const token of tokens) {
    const level = levels.at(-1) as Level;
    const text = token.kind === 'name' && !token.quoted ? token.text.toUpperCase() : token.text;
    const operator = token.kind === 'symbol' || (token.kind === 'name' && !token.quoted);
    if (token.kind === 'symbol' && (text === '(' || text === '['))
      levels.push({ weight: 1, chains: TIERS.map(() => 0) });
    else if ((token.kind === 'symbol' && text === '{') || (operator && text === 'CASE')) {
      levels.push({ weight: 2, chains: TIERS.map(() => 0) });
    } else if ((token.kind === 'symbol' && CLOSERS.has(text)) || (operator && text === 'END')) {
      if (levels.length > 1) levels.pop();
    } else if ((token.kind === 'symbol' && SEPARATOR_SYMBOLS.has(text)) || (operator && SEPARATOR_WORDS.has(text))) {
      level.chains.fill(0);
    } else if (operator) {
      const tier = TIERS.findIndex((operators) => operators.has(text));
      if (tier >= 0) {
        level.chains[tier] = (level.chains[tier] ?? 0) + 1;
        level.chains.fill(0, tier + 1);
      }
    }
    deepest = Math.max(
      deepest,
      levels.reduce((sum, l) => sum + levelDepth(l), 0),
    );
  }
  return deepest;
}

function isSymbolToken(token: Token, symbol: string): boolean {
  return token.kind === 'symbol' && token.text === symbol;
}

/** Where the statement starts after `CYPHER 5`, or a refusal of query options and EXPLAIN/PROFILE. */
function vetPrefix(tokens: Token[]): Refusal | number {
  let i = 0;
  if (isKeyword(tokens[0], 'CYPHER')) {
    i = 1;
    if (tokens[i]?.kind === 'number') i++;
    if (tokens[i]?.kind === 'name' && isSymbolToken(tokens[i + 1] as Token, '=')) {
      return {
        reason: 'query-options',
        detail: `it sets query options (CYPHER ${tokens[i]?.text}=…): the console chooses how queries are planned and run`,
        offset: tokens[i]?.offset,
      };
    }
  }
  if (isKeyword(tokens[i], 'EXPLAIN') || isKeyword(tokens[i], 'PROFILE')) {
    return {
      reason: 'explain-or-profile',
      detail: `it starts with ${tokens[i]?.text.toUpperCase()}: the console plans every query itself, so leave it out`,
      offset: tokens[i]?.offset,
    };
  }
  return i;
}

/** A USE clause: at the start of the statement, of a subquery, or after UNION. */
function useClause(tokens: Token[], start: number): Token | undefined {
  return tokens.find((token, i) => {
    if (!isKeyword(token, 'USE')) return false;
    const before = tokens[i - 1];
    return (
      i === start ||
      (before !== undefined && isSymbolToken(before, '{')) ||
      isKeyword(before, 'UNION') ||
      (isKeyword(before, 'ALL') && isKeyword(tokens[i - 2], 'UNION'))
    );
  });
}

export interface TextVetting {
  /** The text's tokens, after Neo4j's unicode escapes are decoded. */
  tokens: Token[];
  /** The decoded text, which positions refer to. */
  decoded: string;
  refusal?: Refusal;
}

/**
 * Reads the analyst's text and finds the first thing the console refuses in it. A reviewed query (one of
 * the saved queries, word for word) is held to the rules for every query only: its expressions are known.
 */
export function vetQueryText(query: string, { reviewed = false, database = 'neo4j' } = {}): TextVetting {
  const decoded = decodeUnicodeEscapes(query);
  const tokens = tokenize(decoded);
  const done = (refusal?: Refusal): TextVetting => ({ tokens, decoded, refusal });
  const start = vetPrefix(tokens);
  if (typeof start !== 'number') return done(start);
  if (tokens.length > MAX_TOKENS) {
    return done({
      reason: 'too-long',
      detail: `it has ${tokens.length.toLocaleString('en')} tokens; the console allows at most ${MAX_TOKENS.toLocaleString('en')}, because Neo4j cannot stop a query while it parses it`,
    });
  }
  const depth = nestingDepth(tokens);
  if (depth > MAX_DEPTH) {
    return done({
      reason: 'too-deep',
      detail: `its expressions nest ${depth} levels deep (brackets, CASE and chains of operators); the console allows at most ${MAX_DEPTH}, because deeper nesting overflows Neo4j's parser`,
    });
  }
  const use = useClause(tokens, start);
  if (use) {
    return done({
      reason: 'use-database',
      detail: `it selects a database (USE): the console reads the database "${database}" only`,
      offset: use.offset,
    });
  }
  return done(vetExpressions(tokens, { regexOnly: reviewed }));
}
