/**
 * Writes a validated dataset into Neo4j, all of it or nothing, in transactions small enough for Neo4j's
 * memory limit per transaction (db.memory.transaction.max), as a staged load (bookkeeping in staging.ts):
 *
 * 1. Leftovers of earlier loads that crashed are cleaned up.
 * 2. Staging: the file is written in batches of rows, one transaction each, under the load's own key
 *    (`<id>~<hex>`: node ids `<id>~<hex>:<slug>`), beside the current version. Readers do not see it: its
 *    negotiation node is a `LoadingNegotiation`, which nothing lists or opens.
 * 3. Switching, a slice of nodes per transaction: the current version (when replacing) leaves readers' view
 *    (its Negotiation node first, then its nodes, to a retired key); the staged nodes take the negotiation's id.
 * 4. Publishing, one small transaction: the staged node becomes the `Negotiation`; then the retired version
 *    is removed. Readers see the old version, then (while switching) none, then the new one: never a part.
 *
 * A failure anywhere before 4 undoes the load: the database is as it was, the old version intact. A crash
 * leaves the load marked (its `LoadingNegotiation`) and the next load of the same negotiation, or any load
 * a while later, undoes it.
 */
import { randomBytes } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { CypherLibrary } from '../neo4j/cypher.ts';
import type { LoadStep } from '../neo4j/cypher-names.ts';
import { describeNeo4jError } from '../neo4j/driver.ts';
import { toLoadParameters } from './payload.ts';
import { MemoryCapReached, Staging, TakenOver } from './staging.ts';
import type { Dataset } from './types.ts';

/** Rows per transaction: a batch of statements with their links stays far below Neo4j's default 128 MiB. */
export const DEFAULT_BATCH_SIZE = 2_000;

export interface LoadOptions {
  /** Replace the negotiation of the same id if the database holds one; without it such a load is refused. */
  replace?: boolean;
  /** Rows (or nodes, when switching) per transaction. */
  batchSize?: number;
  /**
   * Called after each batch written, and as switching, publishing and removing the old version begin; the
   * load waits for it (a test may look at the database there, or make the load fail).
   */
  onProgress?: (progress: LoadProgress) => void | Promise<void>;
  /** Stops the load between two transactions, and undoes it. */
  signal?: AbortSignal;
}

export interface LoadProgress {
  step: string;
  /** Rows written so far, of `total` (one per node of the file, and one per position for its links). */
  done: number;
  total: number;
}

export interface LoadSummary {
  negotiation: string;
  nodes: number;
  relationships: number;
  /** Whether an earlier version of the negotiation was replaced. */
  replaced: boolean;
}

/** The file's negotiation is already in the database, and the load did not ask to replace it. */
export class NegotiationExistsError extends Error {
  override name = 'NegotiationExistsError';
  constructor(readonly negotiation: string) {
    super(
      `negotiation "${negotiation}" is already in the database; nothing was loaded (load with --replace to replace it)`,
    );
  }
}

/** A load that failed, in one line for people; the database is as it was before it. */
export class LoadError extends Error {
  override name = 'LoadError';
}

function* batches<T>(rows: T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

export async function loadDataset(
  driver: Driver,
  cypher: CypherLibrary,
  database: string,
  data: Dataset,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const negotiation = data.negotiation.id;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  // Slugs never hold "~", so a load's key is never a negotiation's id.
  const stage = `${negotiation}~${randomBytes(6).toString('hex')}`;
  const retired = `${stage}~old`;
  const p = toLoadParameters(data, stage);
  // In this order, each step finds the nodes it links to.
  const steps: Array<[LoadStep, Array<{ id: string }>]> = [
    ['parties', p.parties],
    ['people', p.people],
    ['events', p.events],
    ['sources', p.sources],
    ['issues', p.issues],
    ['options', p.options],
    ['positions', p.positions],
    ['position-links', p.positions],
    ['statements', p.statements],
  ];
  const total = steps.reduce((sum, [, rows]) => sum + rows.length, 0);
  const progress = async (step: string, done: number) => options.onProgress?.({ step, done, total });
  const taken = async (tx: ManagedTransaction) => {
    const { records } = await tx.run(cypher.get('load/exists'), { negotiation });
    return { exists: records[0]?.get('exists') === true, hasNodes: records[0]?.get('hasNodes') === true };
  };

  const session = driver.session({ database });
  const staging = new Staging(session, cypher, batchSize);
  let doing = '';
  let staged = false;
  try {
    doing = 'cleaning up after an earlier load';
    await staging.sweep(negotiation);
    doing = 'checking the database';
    if (!options.replace && (await session.executeRead(taken)).exists) throw new NegotiationExistsError(negotiation);

    doing = 'staging the negotiation';
    staged = true;
    await staging.write((tx) => staging.run(tx, 'stage', { stage, negotiation, row: p.negotiation }));
    let done = 0;
    for (const [step, rows] of steps) {
      let written = 0;
      for (const batch of batches(rows, batchSize)) {
        options.signal?.throwIfAborted();
        doing = `writing ${step} ${written + 1}–${written + batch.length} of ${rows.length}`;
        await staging.write(async (tx) => {
          await staging.claim(tx, stage);
          await staging.run(tx, step, { stage, rows: batch });
        });
        written += batch.length;
        done += batch.length;
        await progress(step, done);
      }
    }

    options.signal?.throwIfAborted();
    doing = 'switching to the new version';
    await progress('switch', done);
    const { exists: replacing, hasNodes: moving } = await staging.write(async (tx) => {
      await staging.claim(tx, stage);
      const found = await taken(tx);
      if (found.exists && !options.replace) throw new NegotiationExistsError(negotiation);
      if (found.hasNodes) await staging.run(tx, 'retire', { stage, negotiation, retired });
      else await staging.run(tx, 'phase', { stage, phase: 'renaming' });
      return found;
    });
    if (moving) {
      await staging.moveAll(stage, negotiation, retired);
      await staging.setPhase(stage, 'renaming');
    }
    await staging.moveAll(stage, stage, negotiation);
    options.signal?.throwIfAborted();
    doing = 'publishing the new version';
    await progress('publish', done);
    await staging.write(async (tx) => {
      await staging.claim(tx, stage);
      await staging.run(tx, 'reveal', { stage, negotiation });
    });
    staged = false;

    // Published: a failure from here on leaves the retired version for the next load to remove.
    if (moving) {
      try {
        await progress('remove-old', done);
        await staging.removeAll(retired);
      } catch {
        // Left marked obsolete: the next load removes it.
      }
    }
    const counted = await session.executeRead((tx) => tx.run(cypher.get('load/count'), { negotiation }));
    const record = counted.records[0];
    return {
      negotiation,
      nodes: Number(record?.get('nodes') ?? 0),
      relationships: Number(record?.get('relationships') ?? 0),
      replaced: replacing,
    };
  } catch (error) {
    const failure = explain(error, negotiation, doing);
    if (staged) {
      try {
        await staging.undo(stage, negotiation);
      } catch {
        failure.message += '; what it wrote is marked in the database, and the next load of it will undo it';
      }
    }
    throw failure;
  } finally {
    await session.close();
  }
}

/** The error to report: the load's own, or a Neo4j error in one line with what the load was doing. */
function explain(error: unknown, negotiation: string, doing: string): Error {
  if (error instanceof NegotiationExistsError || error instanceof LoadError) return error;
  const failed = `loading "${negotiation}" failed while ${doing}`;
  const unchanged = 'nothing was changed';
  if (error instanceof TakenOver) {
    return new LoadError(`${failed}: another load of "${negotiation}" started meanwhile and undid this one`);
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new LoadError(`loading "${negotiation}" was interrupted while ${doing}; ${unchanged}`);
  }
  if (error instanceof MemoryCapReached) {
    return new LoadError(
      `${failed}: Neo4j's memory limit per transaction (db.memory.transaction.max) was reached ` +
        `(${describeNeo4jError(error.neo4jError)}); ${unchanged}; load with a smaller --batch-size`,
    );
  }
  const code = (error as { code?: unknown }).code;
  if (error instanceof Error && (error.name === 'Neo4jError' || typeof code === 'string')) {
    return new LoadError(`${failed}: ${describeNeo4jError(error)}; ${unchanged}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
