/**
 * Neo4j values as plain JSON, converted in this one place: integers as numbers when they are safe
 * (as strings beyond 2^53), temporal values as ISO strings, points as objects, nodes, relationships
 * and paths as objects with their element ids. No `{low, high}` ever reaches a response.
 */
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';

import type { Json } from '../../../shared/api/console.ts';

export type { Json };

/**
 * How deep lists and maps may nest, in parameters sent and values read. Deeper values overflow the
 * stack here and make Neo4j drop the connection (around 1,500 levels), which would pass for an outage.
 */
export const MAX_NESTING = 64;

export class NestingTooDeepError extends Error {
  override name = 'NestingTooDeepError';
  constructor(what: 'parameters' | 'result') {
    super(
      `The ${what === 'parameters' ? 'parameters nest' : 'result nests'} lists or maps more than ${MAX_NESTING} levels deep.`,
    );
  }
}

export function isNode(value: unknown): value is Node {
  return neo4j.isNode(value as object);
}
export function isRelationship(value: unknown): value is Relationship {
  return neo4j.isRelationship(value as object);
}
export function isPath(value: unknown): value is Path {
  return neo4j.isPath(value as object);
}

function isTemporal(value: object): boolean {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  );
}

export function toJson(value: unknown): Json {
  return convert(value, 0);
}

function convert(value: unknown, depth: number): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value !== 'object') return value as Json;
  if (depth >= MAX_NESTING) throw new NestingTooDeepError('result');
  const child = (inner: unknown) => convert(inner, depth + 1);
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (isTemporal(value)) return value.toString();
  if (neo4j.isPoint(value)) {
    const { srid, x, y, z } = value;
    return { srid: child(srid), x, y, ...(z === undefined ? {} : { z }) };
  }
  if (isNode(value)) return { elementId: value.elementId, labels: value.labels, properties: child(value.properties) };
  if (isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      startNodeElementId: value.startNodeElementId,
      endNodeElementId: value.endNodeElementId,
      properties: child(value.properties),
    };
  }
  if (isPath(value)) {
    return {
      start: child(value.start),
      end: child(value.end),
      segments: value.segments.map((s) => ({
        start: child(s.start),
        relationship: child(s.relationship),
        end: child(s.end),
      })),
    };
  }
  if (Array.isArray(value)) return value.map(child);
  if (ArrayBuffer.isView(value)) return Array.from(value as Uint8Array);
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, child(v)]));
}

/** A node's or relationship's properties as plain JSON. */
export function plainProperties(properties: Record<string, unknown>): Record<string, Json> {
  return toJson(properties) as Record<string, Json>;
}

/** JSON values as Cypher parameters: whole numbers become Cypher integers (`LIMIT $n` needs one). */
export function toCypherParameters(value: unknown, depth = 0): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_NESTING) throw new NestingTooDeepError('parameters');
  if (Array.isArray(value)) return value.map((item) => toCypherParameters(item, depth + 1));
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypherParameters(v, depth + 1)]));
  }
  return value;
}
