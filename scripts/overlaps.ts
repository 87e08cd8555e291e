/**
 * `npm run overlaps -- <negotiation> [--without id,id] [--quotes n] [--json]`: prints every issue's
 * verdict, ranked, with the positions and quotes behind it (the same report as GET /api/overlaps).
 * `--without` sets positions aside (ids or slugs) and says which verdicts change. Connects like
 * `npm run load`: NEO4J_URI, or the local development Neo4j.
 */

import { parseArgs } from 'node:util';
import { readConfig } from '../server/src/config.ts';
import { isExplained } from '../server/src/errors/explained.ts';
import { OverlapsService } from '../server/src/features/overlaps/overlaps.service.ts';
import { formatReport } from '../server/src/features/overlaps/overlaps.text.ts';
import { CypherLibrary } from '../server/src/neo4j/cypher.ts';
import { Database } from '../server/src/neo4j/database.ts';
import { connectForScript } from './neo4j-connection.ts';

const USAGE = 'usage: npm run overlaps -- <negotiation> [--without id,id] [--quotes n] [--json]';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      without: { type: 'string', multiple: true },
      quotes: { type: 'string', default: '2' },
      json: { type: 'boolean', default: false },
    },
  });
  const [negotiation, ...extra] = positionals;
  const quotes = Number(values.quotes);
  if (!negotiation || extra.length > 0 || !Number.isInteger(quotes) || quotes < 0) {
    console.error(USAGE);
    return 2;
  }
  const without = (values.without ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

  const config = readConfig();
  const connection = await connectForScript(config);
  try {
    const service = new OverlapsService(new Database(connection.driver, new CypherLibrary(), connection.database));
    const report = await service.analyse(negotiation, without);
    process.stdout.write(
      values.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : formatReport(report, { width: Math.min(process.stdout.columns ?? 120, 140), quotes }),
    );
    return 0;
  } finally {
    await connection.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const badOption = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  console.error(isExplained(error) || badOption ? (error as Error).message : error);
  if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') console.error(USAGE);
  process.exitCode = 1;
}
