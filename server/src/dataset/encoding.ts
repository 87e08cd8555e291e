/**
 * A dataset file is UTF-8 text (a UTF-8 byte-order mark is allowed). Anything else is refused with what the
 * file seems to be and where the first bad byte or character is, rather than loaded as mojibake.
 */
import { isUtf8 } from 'node:buffer';
import type { DatasetProblem } from './problems.ts';

const BYTE_ORDER_MARKS: Array<[string, number[]]> = [
  ['UTF-32 (little-endian)', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32 (big-endian)', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16 (little-endian)', [0xff, 0xfe]],
  ['UTF-16 (big-endian)', [0xfe, 0xff]],
];

/**
 * Characters that have no place in a dataset: C0 and C1 controls other than tab, line feed, carriage return
 * and next line (which YAML allows), DEL, and the non-characters U+FFFE and U+FFFF.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

const SAVE_AS_UTF8 = 'save it as UTF-8';

/** Where the first byte that is not UTF-8 is, or -1. */
function firstInvalidByte(bytes: Buffer): number {
  // Decoding replaces each bad sequence with U+FFFD; everything before the first one decoded cleanly, so
  // its length in bytes is the bad byte's offset. A U+FFFD written in the file is three valid bytes: skipped.
  const text = bytes.toString('utf8');
  let offset = 0;
  let from = 0;
  for (;;) {
    const index = text.indexOf('\uFFFD', from);
    if (index < 0) return -1;
    offset += Buffer.byteLength(text.slice(from, index));
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
    offset += 3;
    from = index + 1;
  }
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

const hex = (n: number, digits: number) => n.toString(16).toUpperCase().padStart(digits, '0');

/** The file's text, or the problem that stops it being read as a dataset. */
export function decodeUtf8(bytes: Buffer, file: string): string | DatasetProblem {
  for (const [encoding, mark] of BYTE_ORDER_MARKS) {
    if (mark.every((byte, i) => bytes[i] === byte)) {
      return {
        file,
        path: '',
        message: `is encoded in ${encoding}, not UTF-8 (it starts with that byte-order mark); ${SAVE_AS_UTF8}`,
      };
    }
  }
  if (!isUtf8(bytes)) {
    const offset = firstInvalidByte(bytes);
    const byte = bytes[offset] ?? 0;
    const before = bytes.subarray(0, offset).toString('utf8');
    const latin1 = byte >= 0xa0 ? ` (in Latin-1 it would be "${String.fromCharCode(byte)}")` : '';
    return {
      file,
      path: '',
      ...lineAndColumn(before, before.length),
      message:
        `is not valid UTF-8: byte 0x${hex(byte, 2)} cannot be read here${latin1}; the file may be in Latin-1 ` +
        `or Windows-1252; ${SAVE_AS_UTF8}`,
    };
  }
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The control characters written in a text (at most `limit`), each with its line and column. */
export function controlCharacters(text: string, file: string, limit = 10): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const pattern = new RegExp(CONTROL.source, 'g');
  // Text saved as UTF-16 without a byte-order mark reads as every other character being NUL.
  if (/^(?:[^\0]\0|\0[^\0]){4}/.test(text)) {
    const message = `is encoded in UTF-16 without a byte-order mark, not UTF-8 (every other byte is NUL); ${SAVE_AS_UTF8}`;
    return [{ file, path: '', message }];
  }
  for (const match of text.matchAll(pattern)) {
    problems.push({
      file,
      path: '',
      ...lineAndColumn(text, match.index),
      message: `${describeCharacter(match[0].charCodeAt(0))} has no place in a dataset`,
    });
    if (problems.length >= limit) break;
  }
  return problems;
}

export function describeCharacter(code: number): string {
  return `${code === 0 ? 'a NUL character' : 'a control character'} (U+${hex(code, 4)})`;
}

/** The first control character in a string, if any (for values written with escapes such as "\0"). */
export function firstControlCharacter(value: string): number | undefined {
  const match = CONTROL.exec(value);
  return match ? match[0].charCodeAt(0) : undefined;
}
