/**
 * About how many bytes a Neo4j value will take in the console's JSON answer, read before the value is
 * converted, so that the console stops reading rows once its byte budget is spent.
 */
import neo4j from 'neo4j-driver';
import { isNode, isPath, isRelationship } from '../../neo4j/values.ts';

/** An element id and the keys around a node or relationship in an answer. */
const ELEMENT_OVERHEAD = 120;

export function jsonSize(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') return Buffer.byteLength(value) + 2;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value).length;
  if (typeof value === 'boolean') return 5;
  if (neo4j.isInt(value)) return value.toString().length;
  if (typeof value !== 'object') return 20;
  // A node or relationship is in the rows and again in the graph.
  if (isNode(value)) return 2 * (ELEMENT_OVERHEAD + jsonSize(value.labels) + jsonSize(value.properties));
  if (isRelationship(value)) return 2 * (ELEMENT_OVERHEAD + value.type.length + jsonSize(value.properties));
  if (isPath(value)) {
    return value.segments.reduce(
      (size, s) => size + jsonSize(s.start) + jsonSize(s.relationship) + jsonSize(s.end),
      jsonSize(value.start) + jsonSize(value.end),
    );
  }
  if (Array.isArray(value)) return value.reduce((size: number, item) => size + jsonSize(item) + 1, 2);
  if (ArrayBuffer.isView(value)) return 4 * value.byteLength;
  // Maps, and temporal values and points (small objects of numbers).
  return Object.entries(value).reduce((size, [key, item]) => size + key.length + 4 + jsonSize(item), 2);
}
