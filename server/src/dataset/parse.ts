/**
 * Reads a dataset file (YAML, or JSON, which is YAML too) and validates all of it: first that it is UTF-8
 * text of a sensible size without control characters or alias bombs, then its shape against
 * data/schema.json, then what a schema cannot say (unique ids, references that resolve, dates in order).
 * Problems carry the file, the path in the document and its line, and are reported together.
 */
import { readFileSync, statSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { type Document, isMap, isNode, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import { controlCharacters, decodeUtf8, describeCharacter, firstControlCharacter } from './encoding.ts';
import { DatasetError, type DatasetProblem } from './problems.ts';
import { checkReferences } from './references.ts';
import type { Dataset } from './types.ts';

const schema = JSON.parse(readFileSync(new URL('../../../data/schema.json', import.meta.url), 'utf8'));
// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const validateShape = addFormats(
  new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false }),
).compile<Dataset>(schema);

type Segment = string | number;

/**
 * The largest file read: about 120,000 nodes in the shape of the synthetic negotiations, which takes about
 * 1.5 GB of memory to validate (50,000 nodes: 13 MB, 5 s, 650 MB).
 */
export const MAX_FILE_BYTES = 32 * 2 ** 20;
/** Aliases (`*name`) a document may expand, counting repeats: enough for hand-written reuse, not for a bomb. */
export const MAX_ALIAS_COUNT = 100;

/** `['positions', 3, 'issue']` → `positions[3].issue` */
export function formatPath(segments: Segment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function pointerToSegments(pointer: string): Segment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Explains one schema violation in the words of the dataset format. */
function describe(error: ErrorObject): { segments: Segment[]; message: string } | undefined {
  const segments = pointerToSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return {
        segments: [...segments, String(params.additionalProperty)],
        message: `unknown key "${params.additionalProperty}" (expected one of: ${allowed.join(', ')})`,
      };
    }
    case 'required':
      return { segments, message: `missing field "${params.missingProperty}"` };
    case 'enum':
      return {
        segments,
        message: `${JSON.stringify(error.data)} is not one of: ${(params.allowedValues as string[]).join(', ')}`,
      };
    case 'format':
      return params.format === 'date'
        ? { segments, message: `${JSON.stringify(error.data)} is not a date (expected YYYY-MM-DD, a real day)` }
        : { segments, message: `${JSON.stringify(error.data)} is not a valid ${params.format}` };
    case 'pattern': {
      const description = (error.parentSchema as { description?: string }).description;
      if (String(params.pattern).startsWith('^[a-z0-9]')) {
        return { segments, message: `${JSON.stringify(error.data)} is not an id (${description?.toLowerCase()})` };
      }
      if (String(params.pattern).startsWith('^#')) {
        return { segments, message: `${JSON.stringify(error.data)} is not a colour (expected #rrggbb)` };
      }
      return { segments, message: 'must not be blank' };
    }
    case 'type':
      return {
        segments,
        message: `expected ${params.type === 'array' ? 'a list' : `a ${params.type}`}, got ${describeValue(error.data)}`,
      };
    case 'minItems':
      return { segments, message: `expected at least ${params.limit} item${params.limit === 1 ? '' : 's'}` };
    case 'minLength':
      return { segments, message: 'must not be empty' };
    case 'uniqueItems':
      return { segments, message: `lists the same id twice (items ${params.j} and ${params.i})` };
    case 'anyOf':
      // The only anyOf: a statement names a speaker or a speaking party.
      return { segments, message: 'a statement needs a "speaker" (person id) or a "party" (party id)' };
    default:
      return { segments, message: error.message ?? 'is not valid' };
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Line and column of the node at a path (or of its key, for an unknown key), falling back to the nearest parent. */
function locate(doc: Document, lines: LineCounter, segments: Segment[]): { line?: number; column?: number } {
  for (let n = segments.length; n >= 0; n--) {
    const parentPath = segments.slice(0, n);
    const node = n === 0 ? doc.contents : doc.getIn(parentPath, true);
    if (!isNode(node) || !node.range) continue;
    let offset = node.range[0];
    // For a key whose value is missing or unknown, point at the key itself.
    if (n < segments.length && isMap(node)) {
      const pair = node.items.find(
        (item) => isNode(item.key) && String((item.key as { value?: unknown }).value) === String(segments[n]),
      );
      if (pair && isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
    } else if (n < segments.length && isSeq(node)) {
      const item = node.items[Number(segments[n])];
      if (isNode(item) && item.range) offset = item.range[0];
    }
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  }
  return {};
}

/** The document as plain data; an alias bomb is refused before it can take the memory. */
function toPlainData(doc: Document, lines: LineCounter, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let at: { line?: number; column?: number } = {};
    visit(doc, {
      Alias(_, node) {
        if (node.range) at = { line: lines.linePos(node.range[0]).line, column: lines.linePos(node.range[0]).col };
        return visit.BREAK;
      },
    });
    throw new DatasetError([
      {
        file,
        path: '',
        ...at,
        message:
          `its YAML aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies, as an alias bomb ("billion ` +
          'laughs") does; a dataset needs few or none',
      },
    ]);
  }
}

/** Control characters written as escapes (`"\0"`, `"\x07"`) reach the values: reported where they are. */
function reportControlCharacters(value: unknown, segments: Segment[], report: (s: Segment[], m: string) => void) {
  if (typeof value === 'string') {
    const code = firstControlCharacter(value);
    if (code !== undefined) report(segments, `${describeCharacter(code)} has no place in a dataset`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      reportControlCharacters(item, [...segments, i], report);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) reportControlCharacters(item, [...segments, key], report);
  }
}

export function parseDataset(text: string, file: string): Dataset {
  const control = controlCharacters(text, file);
  if (control.length > 0) throw new DatasetError(control);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new DatasetError(
      doc.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return { file, path: '', line, column: col, message: `not valid YAML: ${error.message.split('\n')[0]}` };
      }),
    );
  }
  const data = toPlainData(doc, lines, file);
  const problems: DatasetProblem[] = [];
  const report = (segments: Segment[], message: string) =>
    problems.push({ file, path: formatPath(segments), ...locate(doc, lines, segments), message });
  reportControlCharacters(data, [], report);

  if (!validateShape(data)) {
    const errors = validateShape.errors ?? [];
    // The branches of the statement's anyOf each report "required"; the anyOf error says it once.
    const shown = errors.filter((e) => !e.schemaPath.includes('/anyOf/'));
    for (const error of shown) {
      const described = describe(error);
      if (described) report(described.segments, described.message);
    }
  }
  // References are checked even when the shape is wrong, so that one run reports as much as it can.
  if (data && typeof data === 'object') checkReferences(data as Partial<Dataset>, report);

  if (problems.length > 0) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new DatasetError(problems);
  }
  return data as Dataset;
}

export function readDataset(file: string): Dataset {
  const refuse = (message: string): never => {
    throw new DatasetError([{ file, path: '', message }]);
  };
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) refuse('is not a file');
    if (stat.size > MAX_FILE_BYTES) {
      const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
      refuse(`is ${mb(stat.size)}, more than the ${mb(MAX_FILE_BYTES)} a dataset file may have; split it`);
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    return refuse(`cannot be read: ${(error as Error).message}`);
  }
  const text = decodeUtf8(bytes, file);
  if (typeof text !== 'string') throw new DatasetError([text]);
  return parseDataset(text, file);
}
