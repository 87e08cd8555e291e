/**
 * `npm run load -- [--replace] [--check] [--batch-size n] <file> [more files]`: validates every file, then
 * loads each into Neo4j (NEO4J_URI, or the local development Neo4j, started for the occasion if `npm start`
 * is not running), all of it or nothing (see server/src/dataset/load.ts).
 *
 * --check       validates only; connects to nothing and writes nothing
 * --replace     replaces a negotiation of the same id (without it, such a file is refused)
 * --batch-size  rows per transaction (default 2,000)
 *
 * Exit status: 0 loaded (or valid), 1 the load failed (the database is as it was), 2 invalid input or usage.
 * Ctrl-C stops a load between two transactions and undoes it.
 */

import { parseArgs } from 'node:util';
import { readConfig } from '../server/src/config.ts';
import {
  DEFAULT_BATCH_SIZE,
  type LoadProgress,
  loadDataset,
  NegotiationExistsError,
} from '../server/src/dataset/load.ts';
import { readDataset } from '../server/src/dataset/parse.ts';
import { DatasetError } from '../server/src/dataset/problems.ts';
import type { Dataset } from '../server/src/dataset/types.ts';
import { isExplained } from '../server/src/errors/explained.ts';
import { CypherLibrary } from '../server/src/neo4j/cypher.ts';
import { describeNeo4jError } from '../server/src/neo4j/driver.ts';
import { applySchema } from '../server/src/neo4j/schema.ts';
import { connectForScript } from './neo4j-connection.ts';

const USAGE = 'usage: npm run load -- [--replace] [--check] [--batch-size n] <dataset file> [more files]';
/** Loads of more rows than this print their progress. */
const PROGRESS_FROM_ROWS = 5_000;

const PHASES: Record<string, string> = {
  switch: 'switching to the new version',
  publish: 'publishing',
  'remove-old': 'removing the old version',
};

class UsageError extends Error {}
/** Input the load refuses (exit status 2), with its own explanation. */
class Refused extends Error {}

const count = (n: number) => n.toLocaleString('en-GB');
const nodesOf = (data: Dataset) =>
  1 +
  data.parties.length +
  data.people.length +
  data.events.length +
  data.sources.length +
  data.issues.reduce((sum, issue) => sum + 1 + issue.options.length, 0) +
  data.positions.length +
  data.statements.length;

function parse(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        replace: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
      },
    });
    const batchSize = Number(values['batch-size']);
    if (positionals.length === 0) throw new UsageError('no dataset file given');
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError('--batch-size must be a whole number ≥ 1');
    return { files: positionals, replace: values.replace, check: values.check, batchSize };
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/** Progress on standard error, every tenth of the rows and at each phase, for loads large enough to wait for. */
function progressPrinter(file: string) {
  let shown = -1;
  return ({ step, done, total }: LoadProgress) => {
    if (total < PROGRESS_FROM_ROWS) return;
    const tenth = Math.floor((10 * done) / total);
    const phase = PHASES[step];
    if (phase) console.error(`${file}: ${phase}…`);
    else if (tenth > shown) {
      shown = tenth;
      console.error(`${file}: ${count(done)} of ${count(total)} rows written (${step})`);
    }
  };
}

async function main(argv: string[]): Promise<number> {
  const options = parse(argv);
  // Every file is validated before anything is written.
  const datasets = options.files.map((file) => ({ file, data: readDataset(file) }));
  const seen = new Map<string, string>();
  for (const { file, data } of datasets) {
    const earlier = seen.get(data.negotiation.id);
    if (earlier)
      throw new Refused(`${file} and ${earlier} are both negotiation "${data.negotiation.id}"; nothing was loaded`);
    seen.set(data.negotiation.id, file);
  }
  if (options.check) {
    for (const { file, data } of datasets) {
      console.log(
        `${file}: valid, negotiation "${data.negotiation.id}" (${count(nodesOf(data))} nodes); nothing was written`,
      );
    }
    return 0;
  }

  const abort = new AbortController();
  const interrupt = () => {
    if (abort.signal.aborted) process.exit(130);
    console.error('stopping: undoing the load in progress (press Ctrl-C again to quit at once)…');
    abort.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  const { driver, database, close } = await connectForScript(readConfig());
  try {
    const cypher = new CypherLibrary();
    await applySchema(driver, cypher, database);
    for (const { file, data } of datasets) {
      const started = performance.now();
      try {
        const summary = await loadDataset(driver, cypher, database, data, {
          replace: options.replace,
          batchSize: options.batchSize,
          onProgress: progressPrinter(file),
          signal: abort.signal,
        });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `${file}: ${summary.replaced ? 'replaced' : 'loaded'} "${summary.negotiation}" ` +
            `(${count(summary.nodes)} nodes, ${count(summary.relationships)} relationships) in ${seconds} s`,
        );
      } catch (error) {
        if (!(error instanceof NegotiationExistsError)) throw Object.assign(error as Error, { file });
        const command = `npm run load -- --replace ${/^[\w./-]+$/.test(file) ? file : `'${file}'`}`;
        throw new Refused(
          `${file}: negotiation "${error.negotiation}" is already in the database; nothing was loaded. ` +
            `To replace it: ${command}`,
        );
      }
    }
    return 0;
  } finally {
    await close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof DatasetError || error instanceof Refused) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    // A Neo4j error outside a load (applying the schema, say) is one line too.
    const file = (error as { file?: string }).file;
    const neo4jError = error instanceof Error && error.name === 'Neo4jError';
    const message = isExplained(error) ? error.message : neo4jError ? describeNeo4jError(error) : undefined;
    console.error(message === undefined ? error : `${file ? `${file}: ` : ''}${message}`);
    process.exitCode = 1;
  }
}
