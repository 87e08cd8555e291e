/**
 * Database work stops when the client that asked for it goes away. A middleware gives every request an
 * AbortSignal that fires when its connection closes before the answer is sent, and keeps it in an
 * AsyncLocalStorage, so that `Database.read` (and the Cypher console) find it without services passing
 * it along. Closing a Neo4j session sends Bolt's RESET, and Neo4j terminates the transaction at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Session } from 'neo4j-driver';
import { ProblemError } from '../errors/problem.ts';

const requests = new AsyncLocalStorage<AbortSignal>();

/** Why a request's work was stopped; nobody is left to read it, but the log shows 499 (client closed request). */
export class ClientGoneError extends ProblemError {
  constructor() {
    super({
      type: '/api/problems/client-closed-request',
      title: 'Client closed request',
      status: 499,
      detail: 'The client closed the connection before the answer was ready; its database work was stopped.',
    });
  }
}

let stoppedWorkAt = 0;

/** When work was last stopped because its client went away (epoch ms; 0 if never). */
export function lastStoppedWorkAt(): number {
  return stoppedWorkAt;
}

/** The signal of the request being served, if any. */
export function requestSignal(): AbortSignal | undefined {
  return requests.getStore();
}

/** Runs `work` as part of a request whose signal is `signal`. */
export function withSignal<T>(signal: AbortSignal, work: () => T): T {
  return requests.run(signal, work);
}

/** Runs `work` on its own, not stopped when the request that started it ends (a background check). */
export function detached<T>(work: () => T): T {
  return requests.exit(work);
}

/** Middleware: the request's signal aborts when its connection closes before the answer is complete. */
export function cancelWhenClientLeaves(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new ClientGoneError());
  });
  requests.run(controller.signal, next);
}

/**
 * Runs `work` on a session that is closed (so Neo4j terminates its transaction) if the request being
 * served is abandoned meanwhile; the request's own reason is thrown then, not the driver's complaint about
 * a closed session. Throws at once if the request has already gone. The caller still closes the session.
 */
export async function untilClientLeaves<T>(session: Session, work: () => Promise<T>): Promise<T> {
  const signal = requestSignal();
  if (!signal) return work();
  signal.throwIfAborted();
  const close = () => {
    stoppedWorkAt = Date.now();
    void session.close();
  };
  signal.addEventListener('abort', close, { once: true });
  try {
    return await work();
  } catch (error) {
    throw signal.aborted ? signal.reason : error;
  } finally {
    signal.removeEventListener('abort', close);
  }
}
