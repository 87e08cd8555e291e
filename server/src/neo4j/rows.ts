/**
 * Records as typed rows: each record is made plain JSON (values.ts) and checked against the row's schema,
 * so a service never reads `record.get()` as `any`, and a Cypher file that returns something else than its
 * reader expects fails here, naming the file and the field, instead of deep inside a response.
 */
import type { Record as Neo4jRecord, Node, Relationship } from 'neo4j-driver';
import type { z } from 'zod';
import type { CypherName } from './cypher-names.ts';
import { isNode, isRelationship, toJson } from './values.ts';

/** A Cypher file returned rows of another shape than its reader's schema: a bug, answered 500. */
export class RowShapeError extends Error {
  override name = 'RowShapeError';
  constructor(query: CypherName, index: number, issue: z.core.$ZodIssue | undefined, field?: string) {
    const where = field ?? (issue?.path.length ? issue.path.join('.') : 'the row');
    super(`cypher/${query}.cypher, row ${index + 1}: ${where} ${issue?.message ?? 'is not what its reader expects'}`);
  }
}

export function rowsOf<Schema extends z.ZodType>(
  query: CypherName,
  schema: Schema,
  records: Neo4jRecord[],
): Array<z.output<Schema>> {
  return records.map((record, index) => {
    const parsed = schema.safeParse(toJson(record.toObject()));
    if (!parsed.success) throw new RowShapeError(query, index, parsed.error.issues[0]);
    return parsed.data;
  });
}

/** A record's `nodes` and `relationships` lists as driver objects, checked, for the graph builder. */
export function graphParts(query: CypherName, record: Neo4jRecord): { nodes: Node[]; relationships: Relationship[] } {
  const nodes: unknown = record.get('nodes');
  const relationships: unknown = record.get('relationships');
  if (!Array.isArray(nodes) || !nodes.every(isNode)) throw new RowShapeError(query, 0, undefined, 'nodes');
  if (!Array.isArray(relationships) || !relationships.every(isRelationship)) {
    throw new RowShapeError(query, 0, undefined, 'relationships');
  }
  return { nodes, relationships };
}

/** A record's field that must be one node. */
export function nodeOf(query: CypherName, record: Neo4jRecord, key: string): Node {
  const node: unknown = record.get(key);
  if (!isNode(node)) throw new RowShapeError(query, 0, undefined, key);
  return node;
}
