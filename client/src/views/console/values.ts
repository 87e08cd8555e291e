/**
 * Row values as text: nodes as `(:Label id)`, relationships as `[:TYPE]`, paths as their chain, lists and
 * maps compactly. The table and the CSV both use it; nothing here is ever parsed as HTML.
 */
import type { Json, RowNode, RowPath, RowRelationship } from '../../api/client.ts';

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isNode(value: Json): boolean {
  return isObject(value) && typeof value.elementId === 'string' && Array.isArray(value.labels);
}

function isRelationship(value: Json): boolean {
  return isObject(value) && typeof value.elementId === 'string' && typeof value.type === 'string';
}

function isPath(value: Json): boolean {
  return isObject(value) && Array.isArray(value.segments) && isObject(value.start ?? null);
}

function nodeText(node: RowNode): string {
  const id = typeof node.properties.id === 'string' ? node.properties.id : node.elementId;
  return `(${node.labels.map((l) => `:${l}`).join('')} ${id})`;
}

function relationshipText(relationship: RowRelationship): string {
  return `[:${relationship.type}]`;
}

function pathText(path: RowPath): string {
  let text = nodeText(path.start);
  let at = path.start.elementId;
  for (const segment of path.segments) {
    const forward = segment.relationship.startNodeElementId === at;
    const next = segment.start.elementId === at ? segment.end : segment.start;
    const arrow = relationshipText(segment.relationship);
    text += forward ? `-${arrow}->${nodeText(next)}` : `<-${arrow}-${nodeText(next)}`;
    at = next.elementId;
  }
  return text;
}

export function formatValue(value: Json, nested = false): string {
  if (value === null) return nested ? 'null' : '';
  if (typeof value === 'string') return nested ? JSON.stringify(value) : value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v, true)).join(', ')}]`;
  if (isPath(value)) return pathText(value as unknown as RowPath);
  if (isNode(value)) return nodeText(value as unknown as RowNode);
  if (isRelationship(value)) return relationshipText(value as unknown as RowRelationship);
  return `{${Object.entries(value)
    .map(([k, v]) => `${k}: ${formatValue(v, true)}`)
    .join(', ')}}`;
}

/** A compare function for sorting rows by one column: numbers by value, the rest as text; empty last. */
export function compareValues(a: Json, b: Json): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return formatValue(a).localeCompare(formatValue(b), undefined, { numeric: true });
}

function csvCell(value: Json): string {
  const text = formatValue(value);
  // Text a spreadsheet would run as a formula gets a leading apostrophe.
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(columns: string[], rows: Json[][]): string {
  return [columns, ...rows].map((line) => line.map(csvCell).join(',')).join('\r\n');
}
