/**
 * `npm run bench`: how fast Common Ground validates, loads, serves and analyses a negotiation, on a
 * throwaway local Neo4j (never your development database). It measures the bundled dataset and a
 * generated one ten times its size, and prints medians with the goals they are held to.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { readConfig } from '../server/src/config.ts';
import { loadDataset } from '../server/src/dataset/load.ts';
import { parseDataset } from '../server/src/dataset/parse.ts';
import type { Dataset } from '../server/src/dataset/types.ts';
import { createLogger } from '../server/src/logger.ts';
import { CypherLibrary } from '../server/src/neo4j/cypher.ts';
import { createDriver } from '../server/src/neo4j/driver.ts';
import { startServer } from '../server/src/server.ts';
import { freePort, startLocalNeo4j } from './local-neo4j/local-neo4j.ts';

async function median(times: number, run: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

/** A negotiation `scale` times the bundled one: its parties, issues, positions and statements copied with new ids. */
function scaled(base: Dataset, scale: number): Dataset {
  const copy = structuredClone(base);
  copy.negotiation.id = `${base.negotiation.id}-x${scale}`;
  for (let n = 1; n < scale; n++) {
    const suffix = `-copy-${n}`;
    const rename = (id: string) => `${id}${suffix}`;
    for (const issue of base.issues) {
      copy.issues.push({
        ...issue,
        id: rename(issue.id),
        options: issue.options.map((o) => ({ ...o, id: rename(o.id) })),
      });
    }
    for (const p of base.positions) {
      copy.positions.push({
        ...p,
        id: rename(p.id),
        issue: rename(p.issue),
        for: p.for?.map(rename),
        against: p.against?.map(rename),
        counters: p.counters?.map(rename),
        rejects: p.rejects?.map(rename),
        conditionalOn: p.conditionalOn?.map(rename),
      });
    }
    for (const s of base.statements)
      copy.statements.push({ ...s, id: rename(s.id), positions: s.positions.map(rename) });
  }
  return copy;
}

const rows: Array<[string, number, number]> = [];
const measure = (what: string, ms: number, goalMs: number) => rows.push([what, ms, goalMs]);

const dir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-bench-'));
const neo4j = await startLocalNeo4j({ dir, boltPort: await freePort(), password: randomBytes(12).toString('hex') });
try {
  const text = readFileSync('data/nato-russia-2022.yaml', 'utf8');
  const base = parseDataset(text, 'data/nato-russia-2022.yaml');
  const big = scaled(base, 10);
  const bigText = stringify(big);
  measure('validate the bundled dataset', await median(20, () => parseDataset(text, 'bundled')), 100);
  measure(
    `validate a 10× dataset (${big.positions.length} positions)`,
    await median(5, () => parseDataset(bigText, 'big')),
    1_000,
  );

  const config = readConfig({
    NEO4J_URI: neo4j.uri,
    NEO4J_PASSWORD: neo4j.password,
    PORT: String(await freePort()),
    LOG_LEVEL: 'silent',
  });
  const server = await startServer(config, createLogger('silent'));
  const driver = createDriver({ ...config.neo4j, uri: neo4j.uri });
  const cypher = new CypherLibrary();
  try {
    measure(
      'load the bundled dataset (one transaction)',
      await median(5, () => loadDataset(driver, cypher, 'neo4j', base, { replace: true })),
      1_500,
    );
    measure(
      'load the 10× dataset',
      await median(3, () => loadDataset(driver, cypher, 'neo4j', big, { replace: true })),
      5_000,
    );
    for (const id of [base.negotiation.id, big.negotiation.id]) {
      const label = id === base.negotiation.id ? 'bundled' : '10×';
      const get = (url: string) => fetch(`${server.url}${url}`).then((r) => r.arrayBuffer());
      measure(
        `GET /api/graph (${label})`,
        await median(20, () => get(`/api/graph?negotiation=${id}`)),
        label === 'bundled' ? 150 : 500,
      );
      measure(
        `GET /api/graph with evidence (${label})`,
        await median(10, () => get(`/api/graph?negotiation=${id}&include=statements,sources,people`)),
        label === 'bundled' ? 250 : 1_000,
      );
      measure(
        `GET /api/overlaps (${label})`,
        await median(10, () => get(`/api/overlaps?negotiation=${id}`)),
        label === 'bundled' ? 500 : 2_500,
      );
      measure(
        `GET /api/search (${label})`,
        await median(20, () => get(`/api/search?q=open%20door&negotiation=${id}`)),
        100,
      );
    }
    const position = `${base.negotiation.id}:nato-red-line-open-door`;
    measure(
      'GET /api/nodes/:id (a position with its quotes)',
      await median(20, () => fetch(`${server.url}/api/nodes/${position}`).then((r) => r.arrayBuffer())),
      100,
    );
    measure(
      'POST /api/cypher (plan vetting + run)',
      await median(20, () =>
        fetch(`${server.url}/api/cypher`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'MATCH (p:Party)-[:HOLDS]->(x:Position) RETURN p, x LIMIT 100' }),
        }).then((r) => r.arrayBuffer()),
      ),
      250,
    );
  } finally {
    await driver.close();
    await server.close();
  }
} finally {
  await neo4j.stop();
  rmSync(dir, { recursive: true, force: true });
}

const width = Math.max(...rows.map(([what]) => what.length));
console.log(`${'measure'.padEnd(width)}  median ms  goal ms  ok`);
for (const [what, ms, goal] of rows) {
  console.log(
    `${what.padEnd(width)}  ${ms.toFixed(1).padStart(9)}  ${String(goal).padStart(7)}  ${ms <= goal ? 'yes' : 'NO'}`,
  );
}
console.log(`heap used by this process: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
process.exitCode = rows.every(([, ms, goal]) => ms <= goal) ? 0 : 1;
