/**
 * The bookkeeping of a staged load (see load.ts): its marker, the slice-by-slice moves and removals that
 * keep every transaction small, and undoing a load that failed or crashed.
 *
 * A staged load's marker is its negotiation node while it is a `LoadingNegotiation` (id: the load's key).
 * Its `phase` says how far it got: `staging` (writing under its key), `retiring` (moving the current version
 * to the key `retired`, out of readers' view), `renaming` (moving the staged nodes to the negotiation's id).
 */
import neo4j, { type ManagedTransaction, type Session } from 'neo4j-driver';
import type { CypherLibrary } from '../neo4j/cypher.ts';
import type { LoadStep } from '../neo4j/cypher-names.ts';

/** A staged load that has not written for this long has crashed, and any load may undo it (ISO 8601). */
export const CRASHED_AFTER = 'PT15M';

/** The memory cap will be reached again on a retry: reported at once instead of retried for seconds. */
export class MemoryCapReached extends Error {
  override name = 'MemoryCapReached';
  constructor(readonly neo4jError: Error) {
    super(neo4jError.message);
  }
}

const isMemoryCap = (error: unknown) =>
  /MemoryPoolOutOfMemoryError|TransactionOutOfMemory/.test(String((error as { code?: unknown }).code)) ||
  /memory\.transaction\.(total\.)?max/.test(String((error as { message?: unknown }).message));

/** Another load of the same negotiation has undone this one. */
export class TakenOver extends Error {
  override name = 'TakenOver';
}

export interface Claim {
  phase: string;
  retired: string | null;
}

export class Staging {
  constructor(
    private readonly session: Session,
    private readonly cypher: CypherLibrary,
    /** Rows or nodes per transaction. */
    private readonly slice: number,
  ) {}

  /** One write transaction; the memory cap is not retried. */
  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const capped = (error: unknown) =>
      isMemoryCap(error) && !(error instanceof MemoryCapReached) ? new MemoryCapReached(error as Error) : error;
    try {
      return await this.session.executeWrite(async (tx) => {
        try {
          return await work(tx);
        } catch (error) {
          throw capped(error);
        }
      });
    } catch (error) {
      // Reached at commit, after the driver's retries.
      throw capped(error);
    }
  }

  run(tx: ManagedTransaction, name: LoadStep, parameters: Record<string, unknown>) {
    return tx.run(this.cypher.get(`load/${name}`), parameters);
  }

  /** Locks the load's marker for this transaction; fails if the load was undone meanwhile (unless sweeping). */
  async claim(tx: ManagedTransaction, stage: string, sweeping = false): Promise<Claim> {
    const { records } = await this.run(tx, 'claim', { stage, sweeping });
    const record = records[0];
    if (!record?.get('ours')) throw new TakenOver(stage);
    return { phase: record.get('phase'), retired: record.get('retired') };
  }

  /** Moves every node from one key to another, a slice per transaction, each under the load's lock. */
  async moveAll(stage: string, from: string, to: string, sweeping = false): Promise<void> {
    for (;;) {
      const moved = await this.write(async (tx) => {
        await this.claim(tx, stage, sweeping);
        const { records } = await this.run(tx, 'rename', { from, to, limit: neo4j.int(this.slice) });
        return Number(records[0]?.get('moved') ?? 0);
      });
      if (moved < this.slice) return;
    }
  }

  /** Removes the nodes of a staged load or a retired version, and then the node that marks them. */
  async removeAll(key: string): Promise<void> {
    for (const step of ['remove-links', 'remove-nodes'] as const) {
      for (;;) {
        const { records } = await this.write((tx) => this.run(tx, step, { key, limit: neo4j.int(this.slice) }));
        if (records.length === 0 || Number(records[0]?.get('removed')) < this.slice) break;
      }
    }
  }

  /**
   * Undoes a staged load from whatever phase it reached: the staged nodes leave the negotiation's id, the
   * retired version comes back, and the staged load is removed. Safe to repeat after a crash.
   */
  async undo(stage: string, negotiation: string): Promise<void> {
    const state = await this.write((tx) =>
      this.claim(tx, stage, true).catch((error) => {
        if (error instanceof TakenOver) return undefined;
        throw error;
      }),
    );
    if (!state) return; // already gone
    const { retired } = state;
    // Each step records the phase it leaves the load in, so that an undo cut short resumes correctly.
    if (state.phase === 'renaming') {
      await this.moveAll(stage, negotiation, stage, true);
      await this.setPhase(stage, retired ? 'retiring' : 'staging', true);
    }
    if (retired && state.phase !== 'staging') {
      await this.moveAll(stage, retired, negotiation, true);
      await this.write(async (tx) => {
        await this.claim(tx, stage, true);
        await this.run(tx, 'restore', { retired, negotiation });
        await this.run(tx, 'phase', { stage, phase: 'staging' });
      });
    }
    await this.removeAll(stage);
  }

  async setPhase(stage: string, phase: string, sweeping = false): Promise<void> {
    await this.write(async (tx) => {
      await this.claim(tx, stage, sweeping);
      await this.run(tx, 'phase', { stage, phase });
    });
  }

  /** Cleans up after earlier loads: undoes crashed (or concurrent) loads of this negotiation, or idle ones. */
  async sweep(negotiation: string): Promise<number> {
    const { records } = await this.session.executeRead((tx) =>
      this.run(tx, 'leftovers', { negotiation, idle: CRASHED_AFTER }),
    );
    for (const record of records) {
      const key: string = record.get('key');
      if (record.get('kind') === 'load') await this.undo(key, record.get('negotiation'));
      else await this.removeAll(key);
    }
    return records.length;
  }
}
