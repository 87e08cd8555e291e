/**
 * Neo4j checks whether a transaction was stopped (timeout, termination) between rows and when it reads
 * the store, never inside one expression: a regular expression, or a walk over a long list inside one
 * expression, runs to its end whatever the timeout (measured: `RETURN $s =~ '(.*a){12}b'` held a core
 * 25 s; `any(x IN range(1, 2000000000) WHERE x < 0)` 21 s under a 2 s timeout). Nor does Neo4j count
 * the memory of values built inside one expression. So the console refuses the constructs whose work
 * inside one expression is not bounded by the size of the values they are given:
 *
 * - regular-expression matching (`=~`): backtracking, exponential in the text;
 * - `range()` anywhere but as the list of an UNWIND (rows are stopped, one long list is not);
 * - `replace()`: one call multiplies a text's length, nested calls multiply again;
 * - `reduce()`: its accumulator may double at each step;
 * - a list iteration (`[x IN … | …]`, all/any/none/single, IN) inside the body of another one: the work
 *   multiplies, and a collected list can hold millions of elements.
 *
 * The same rules read the analyst's text (before anything is sent to Neo4j) and, as a second check,
 * the expressions of Neo4j's own plan (EXPLAIN), where escapes, comments and quoting are resolved.
 */
import type { Token } from './query-text.ts';

export type RefusalReason =
  | 'regular-expression'
  | 'range'
  | 'replace'
  | 'reduce'
  | 'nested-iteration'
  | 'too-deep'
  | 'too-long'
  | 'query-options'
  | 'explain-or-profile'
  | 'use-database'
  | 'procedure'
  | 'load-csv'
  | 'writes'
  | 'operator'
  | 'other-database';

export interface Refusal {
  reason: RefusalReason;
  /** Why, in words an analyst understands (completes "The query was refused: …"). */
  detail: string;
  /** Where, in the text the tokens came from. */
  offset?: number;
}

const REASONS = {
  'regular-expression': () =>
    'it matches a regular expression (=~). Neo4j cannot stop a regular expression once it runs, so the console ' +
    'does not allow them; use CONTAINS, STARTS WITH or ENDS WITH, or the full-text index ' +
    "(CALL db.index.fulltext.queryNodes('search', $text))",
  range: () =>
    'it calls range() inside an expression. One expression cannot be stopped once it runs and a range can be ' +
    'any length; unwind it instead (UNWIND range(1, 10) AS i), which Neo4j stops row by row',
  replace: () =>
    'it calls replace(), which can multiply the length of a text in one step that Neo4j cannot stop; the ' +
    'console does not allow it',
  reduce: () =>
    'it uses reduce(), whose accumulator can grow at every step of one expression that Neo4j cannot stop; use ' +
    'UNWIND with sum(), min(), max() or collect() instead',
  'nested-iteration': () =>
    'it walks a list inside the body of another list walk ([x IN … | …], all(), any(), none(), single() or IN), ' +
    'so the work of one expression multiplies and Neo4j cannot stop it; UNWIND the outer list instead',
} satisfies Partial<Record<RefusalReason, () => string>>;

function refusal(reason: keyof typeof REASONS, token: Token | undefined): Refusal {
  return { reason, detail: REASONS[reason](), offset: token?.offset };
}

export const isKeyword = (token: Token | undefined, word: string): boolean =>
  token?.kind === 'name' && !token.quoted && token.text.toUpperCase() === word;

const isSymbol = (token: Token | undefined, symbol: string): boolean =>
  token?.kind === 'symbol' && token.text === symbol;

/** A name that Neo4j resolves as a function (functions may be backtick-quoted). */
const isFunctionName = (token: Token | undefined, name: string): boolean =>
  token?.kind === 'name' && token.text.toLowerCase() === name;

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The index of the bracket that closes the one at `open`, or the last index when it is not closed. */
export function closingIndex(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== 'symbol') continue;
    if (OPENERS[token.text]) depth++;
    else if (token.text === ')' || token.text === ']' || token.text === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return tokens.length - 1;
}

const QUANTIFIERS = ['all', 'any', 'none', 'single'];

/**
 * Where a list iteration starts at `i`: its frame's opening bracket and the index of the `IN` that binds
 * its variable (not a membership test). `reduce` binds after a comma, so its `IN` is found later.
 */
function iterationAt(tokens: Token[], i: number): { open: number; binding?: number; reduce?: boolean } | undefined {
  const [token, next, third, fourth] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]];
  // [x IN list …]: a list comprehension ([(a)-->(b) | …] and [p = (a)-->(b) | …] are pattern comprehensions).
  if (isSymbol(token, '[') && next?.kind === 'name' && isKeyword(third, 'IN')) return { open: i, binding: i + 2 };
  const quantifier = QUANTIFIERS.some((q) => isFunctionName(token, q)) || isKeyword(token, 'FOREACH');
  if (quantifier && isSymbol(next, '(') && third?.kind === 'name' && isKeyword(fourth, 'IN')) {
    return { open: i + 1, binding: i + 3 };
  }
  if (isFunctionName(token, 'reduce') && isSymbol(next, '(')) return { open: i + 1, reduce: true };
  return undefined;
}

/** `IN [1, 'a', …]`: a list written out in the text, as long as the text allows and no longer. */
function literalListAt(tokens: Token[], open: number): boolean {
  if (!isSymbol(tokens[open], '[')) return false;
  const close = closingIndex(tokens, open);
  return tokens
    .slice(open + 1, close)
    .every(
      (t) =>
        t.kind === 'string' ||
        t.kind === 'number' ||
        isSymbol(t, ',') ||
        isSymbol(t, '-') ||
        ['TRUE', 'FALSE', 'NULL'].some((word) => isKeyword(t, word)),
    );
}

interface Frame {
  close: number;
  /** A list iteration's frame: its head (variable and list) and then its body (WHERE and `|` parts). */
  iteration?: { inBody: boolean; binding?: number };
}

export interface ExpressionContext {
  /** The tokens start with the list of an UNWIND (a plan's Unwind operator), where range() may stand alone. */
  unwindList?: boolean;
  /** Check only the rule that holds for every query, reviewed or not (no regular expressions). */
  regexOnly?: boolean;
  /**
   * Whether an IN test counts as a list walk. A plan writes `x IN [1, 2]` as `x IN $autolist_0`, which
   * cannot be told from a parameter, so the plan leaves IN to the check of the analyst's text.
   */
  membership?: boolean;
}

/** A call of `name(…)` at `i` that is not a procedure (`CALL db.labels()`) nor part of a dotted name. */
function callAt(tokens: Token[], i: number, name: string): boolean {
  return (
    isFunctionName(tokens[i], name) &&
    isSymbol(tokens[i + 1], '(') &&
    !isSymbol(tokens[i - 1], '.') &&
    !isKeyword(tokens[i - 1], 'CALL')
  );
}

/** `range(…)` standing alone as the list of an UNWIND: `UNWIND range(a, b) AS x`. */
function isUnwoundRange(tokens: Token[], i: number, context: ExpressionContext): boolean {
  const startsList = context.unwindList ? i === 0 : isKeyword(tokens[i - 1], 'UNWIND');
  return startsList && isKeyword(tokens[closingIndex(tokens, i + 1) + 1], 'AS');
}

/** The first construct of the tokens that the console refuses, if any (see the module's comment). */
export function vetExpressions(tokens: Token[], context: ExpressionContext = {}): Refusal | undefined {
  const regex = tokens.find((t) => isSymbol(t, '=~'));
  if (regex) return refusal('regular-expression', regex);
  if (context.regexOnly) return undefined;

  const frames: Frame[] = [];
  const inBody = () => frames.some((f) => f.iteration?.inBody);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    while (frames.length > 0 && i > (frames.at(-1) as Frame).close) frames.pop();
    if (callAt(tokens, i, 'range') && !isUnwoundRange(tokens, i, context)) return refusal('range', token);
    if (callAt(tokens, i, 'replace')) return refusal('replace', token);
    const iteration = iterationAt(tokens, i);
    if (iteration) {
      if (iteration.reduce) return refusal('reduce', token);
      if (inBody()) return refusal('nested-iteration', token);
      frames.push({
        close: closingIndex(tokens, iteration.open),
        iteration: { inBody: false, binding: iteration.binding },
      });
      i = iteration.open; // its opening bracket is the frame just pushed
      continue;
    }
    if (token.kind === 'symbol' && OPENERS[token.text]) {
      // Brackets get frames of their own, so that a WHERE or `|` inside them does not start an iteration's body.
      frames.push({ close: closingIndex(tokens, i) });
      continue;
    }
    const frame = frames.at(-1);
    if (frame?.iteration && !frame.iteration.inBody && (isKeyword(token, 'WHERE') || isSymbol(token, '|'))) {
      frame.iteration.inBody = true;
      continue;
    }
    const binding = frames.some((f) => f.iteration?.binding === i);
    const membership = context.membership ?? true;
    if (membership && isKeyword(token, 'IN') && !binding && !isKeyword(tokens[i + 1], 'TRANSACTIONS') && inBody()) {
      if (!literalListAt(tokens, i + 1)) return refusal('nested-iteration', token);
    }
  }
  return undefined;
}
