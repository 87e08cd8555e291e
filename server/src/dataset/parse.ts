/**
 * Reads a dataset file (YAML, or JSON, which is YAML too) and validates all of it: first its shape against
 * data/schema.json, then what a schema cannot say (unique ids, references that resolve, dates in order).
 * Problems carry the file, the path in the document and its line, and are reported together.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { type Document, isMap, isNode, isSeq, LineCounter, parseDocument } from 'yaml';
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

export function parseDataset(text: string, file: string): Dataset {
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
  const data: unknown = doc.toJS();
  const problems: DatasetProblem[] = [];
  const report = (segments: Segment[], message: string) =>
    problems.push({ file, path: formatPath(segments), ...locate(doc, lines, segments), message });

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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DatasetError([{ file, path: '', message: `cannot be read: ${(error as Error).message}` }]);
  }
  return parseDataset(text, file);
}
