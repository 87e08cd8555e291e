/**
 * Writes a validated dataset into Neo4j in one transaction: all of it, or (on any failure) nothing.
 * Loading is idempotent (nodes are merged on their ids) and a reload makes the graph match the file.
 */
import type { Driver } from 'neo4j-driver';
import type { CypherLibrary } from '../neo4j/cypher.ts';
import { toLoadParameters } from './payload.ts';
import type { Dataset } from './types.ts';

export interface LoadSummary {
  negotiation: string;
  nodes: number;
  relationships: number;
}

export async function loadDataset(
  driver: Driver,
  cypher: CypherLibrary,
  database: string,
  data: Dataset,
): Promise<LoadSummary> {
  const p = toLoadParameters(data);
  const negotiation = p.negotiation.id;
  const rows = [p.parties, p.people, p.events, p.sources, p.issues, p.options, p.positions, p.statements];
  const ids = rows.flatMap((list) => list.map((row) => row.id));
  const steps: Array<[string, Record<string, unknown>]> = [
    ['load/01-remove-stale', { negotiation, ids }],
    ['load/02-negotiation', { row: p.negotiation }],
    ['load/03-parties', { negotiation, rows: p.parties }],
    ['load/04-people', { negotiation, rows: p.people }],
    ['load/05-events', { negotiation, rows: p.events }],
    ['load/06-sources', { negotiation, rows: p.sources }],
    ['load/07-issues', { negotiation, rows: p.issues }],
    ['load/08-options', { negotiation, rows: p.options }],
    ['load/09-positions', { negotiation, rows: p.positions }],
    ['load/10-position-links', { negotiation, rows: p.positions }],
    ['load/11-statements', { negotiation, rows: p.statements }],
  ];
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      for (const [name, parameters] of steps) await tx.run(cypher.get(name), parameters);
    });
    const counted = await session.executeRead((tx) => tx.run(cypher.get('load/count'), { negotiation }));
    const record = counted.records[0];
    return {
      negotiation,
      nodes: Number(record?.get('nodes') ?? 0),
      relationships: Number(record?.get('relationships') ?? 0),
    };
  } finally {
    await session.close();
  }
}
