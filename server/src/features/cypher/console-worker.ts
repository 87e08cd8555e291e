/**
 * A worker thread that runs console queries, one at a time, with a driver of its own. Reading a result
 * happens here and not in the app's thread because the driver decodes a record only once it has all of
 * it, in time that grows with the square of its size (one record of 3 million integers blocked its thread
 * for 8 s, 20 million for minutes): here, a record like that costs only this thread, which the main
 * thread ends at the time limit or when the client goes away (worker-pool.ts), and the buffers read
 * from Neo4j are watched so that no record beyond any useful size is ever completed.
 */
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import neo4j from 'neo4j-driver';
import { ProblemError, problems } from '../../errors/problem.ts';
import { CypherLibrary } from '../../neo4j/cypher.ts';
import { createDriver } from '../../neo4j/driver.ts';
import { NestingTooDeepError } from '../../neo4j/values.ts';
import { resultTooLargeProblem } from './console-problems.ts';
import type { ConsoleJob, ConsoleWorkerData, FromWorker, ToWorker } from './console-protocol.ts';
import { FETCH_SIZE, runConsoleQuery } from './console-run.ts';

const port = parentPort;
if (!port) throw new Error('console-worker.ts runs as a worker thread (see worker-pool.ts)');
const { neo4j: settings, database, maxBufferBytes } = workerData as ConsoleWorkerData;
const driver = createDriver(settings);
const cypher = new CypherLibrary();
const post = (message: FromWorker) => port.postMessage(message);

async function run(job: ConsoleJob): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, fetchSize: FETCH_SIZE });
  // Socket data arrives between turns of this thread's loop, so the check sees a large record growing.
  let overflowed = false;
  const watch = setInterval(() => {
    if (v8.getHeapStatistics().external_memory > maxBufferBytes) {
      overflowed = true;
      void session.close();
    }
  }, 25);
  try {
    post({ type: 'result', id: job.id, result: await runConsoleQuery(session, cypher, database, job) });
  } catch (error) {
    if (overflowed) post({ type: 'problem', id: job.id, problem: resultTooLargeProblem(job.limits.maxBytes) });
    else if (error instanceof ProblemError) post({ type: 'problem', id: job.id, problem: error.problem });
    // Errors cross to the main thread as plain data: a result too deep to convert is the query's doing.
    else if (error instanceof NestingTooDeepError) {
      post({ type: 'problem', id: job.id, problem: problems.badRequest(error.message).problem });
    } else {
      const { code, message } = error as { code?: string; message?: string };
      post({ type: 'failed', id: job.id, code, message: message ?? String(error) });
    }
  } finally {
    clearInterval(watch);
    await session.close();
  }
}

port.on('message', (message: ToWorker) => void run(message.job));
post({ type: 'ready' });
