/**
 * Cypher text as Neo4j's lexer sees it, for checks that must happen before Neo4j parses anything.
 * Neo4j decodes `\uXXXX` escapes everywhere in the text before it reads tokens (as Java does), so
 * `\u003D~` is the operator `=~` and `r\u0061nge` is `range`; the tokens below are read after that
 * decoding. Strings, comments and parameters are skipped; backtick-quoted names are unquoted, since
 * `` `range`(1, 9) `` calls the function `range`.
 */

export type TokenKind = 'name' | 'string' | 'number' | 'parameter' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** The text: a name unquoted, a symbol as written (`=~`, `(`, …); strings and numbers as written. */
  text: string;
  /** A name written between backticks. */
  quoted: boolean;
  /** Where the token starts in the decoded text. */
  offset: number;
}

const HEX4 = /^[0-9a-fA-F]{4}$/;

/**
 * The text with its unicode escapes decoded, as Neo4j does before lexing: a backslash starts an escape
 * unless it is itself escaped (preceded by an odd run of backslashes).
 */
export function decodeUnicodeEscapes(text: string): string {
  if (!text.includes('\\u')) return text;
  let out = '';
  let backslashes = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && backslashes % 2 === 0 && text[i + 1] === 'u' && HEX4.test(text.slice(i + 2, i + 6))) {
      out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
      i += 5;
      backslashes = 0;
      continue;
    }
    backslashes = char === '\\' ? backslashes + 1 : 0;
    out += char;
  }
  return out;
}

const NAME_START = /[\p{ID_Start}_]/u;
const NAME_PART = /\p{ID_Continue}/u;
const SPACE = /\s/u;
/** Symbols of more than one character that the checks care about; the rest are read one character at a time. */
const LONG_SYMBOLS = ['=~', '<>', '<=', '>=', '!=', '->', '<-', '..', '+=', '::', '||'];

/** The end (exclusive) of a quoted run that started at `start` with `quote`; `\` escapes the next character. */
function endOfQuoted(text: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (backslashEscapes && char === '\\') i += 2;
    else if (char === quote) {
      // A doubled backtick is a backtick inside a quoted name.
      if (!backslashEscapes && text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

/** The tokens of a Cypher text (already decoded), without whitespace and comments. */
export function tokenize(decoded: string): Token[] {
  const tokens: Token[] = [];
  const text = decoded;
  let i = 0;
  const push = (kind: TokenKind, value: string, offset: number, quoted = false) =>
    tokens.push({ kind, text: value, quoted, offset });
  while (i < text.length) {
    const char = text[i] as string;
    const next = text[i + 1];
    if (SPACE.test(char)) {
      i++;
    } else if (char === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (char === "'" || char === '"') {
      const end = endOfQuoted(text, i, char, true);
      push('string', text.slice(i, end), i);
      i = end;
    } else if (char === '`') {
      const end = endOfQuoted(text, i, '`', false);
      push('name', text.slice(i + 1, end - 1).replaceAll('``', '`'), i, true);
      i = end;
    } else if (char === '$') {
      let end = i + 1;
      if (text[end] === '`') end = endOfQuoted(text, end, '`', false);
      else while (end < text.length && NAME_PART.test(text[end] as string)) end++;
      push('parameter', text.slice(i, end), i);
      i = end;
    } else if (NAME_START.test(char)) {
      let end = i + 1;
      while (end < text.length && NAME_PART.test(text[end] as string)) end++;
      push('name', text.slice(i, end), i);
      i = end;
    } else if (/[0-9]/.test(char)) {
      let end = i + 1;
      // Digits, hex and octal forms, a fraction (not the `..` of a range) and an exponent.
      while (end < text.length) {
        const c = text[end] as string;
        if (/[0-9a-zA-Z_]/.test(c)) end++;
        else if (c === '.' && /[0-9]/.test(text[end + 1] ?? '')) end++;
        else if ((c === '+' || c === '-') && /[eE]/.test(text[end - 1] ?? '') && !/^0x/i.test(text.slice(i, end)))
          end++;
        else break;
      }
      push('number', text.slice(i, end), i);
      i = end;
    } else {
      const long = LONG_SYMBOLS.find((symbol) => text.startsWith(symbol, i));
      push('symbol', long ?? char, i);
      i += long?.length ?? 1;
    }
  }
  return tokens;
}

/** Line and column (1-based) and offset (0-based) of a position in a text. */
export function positionIn(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}
