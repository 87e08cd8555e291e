/**
 * Records as typed rows: each record is made plain JSON (values.ts) and checked against the row's schema,
 * so a service never reads `record.get()` as `any`, and a Cypher file that returns something else than its
 * reader expects fails here, naming the file and the field, instead of deep inside a response.
 */
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { z } from 'zod';
import type { CypherName } from './cypher-names.ts';
import { toJson } from './values.ts';

/** A Cypher file returned rows of another shape than its reader's schema: a bug, answered 500. */
export class RowShapeError extends Error {
  override name = 'RowShapeError';
  constructor(query: CypherName, index: number, issue: z.core.$ZodIssue | undefined) {
    const where = issue?.path.length ? issue.path.join('.') : 'the row';
    super(`cypher/${query}.cypher, row ${index + 1}: ${where} ${issue?.message ?? 'does not match'}`);
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
