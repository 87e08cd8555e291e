import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEVELOPMENT_PASSWORD } from '../../server/src/config.ts';

/** The settings of the local Neo4j, `name=value` lines. */
function localNeo4jSettings(): Map<string, string> {
  const lines = readFileSync('scripts/local-neo4j/neo4j.conf', 'utf8').split('\n');
  const settings = lines
    .filter((line) => /^[a-z][\w.]*=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]);
  return new Map(settings);
}

/** The official image reads a setting from NEO4J_ + its name with `_` doubled and `.` as `_`. */
const imageVariable = (setting: string) => `NEO4J_${setting.replaceAll('_', '__').replaceAll('.', '_')}`;

const PASSWORD_FROM_ENV = /^\$\{NEO4J_PASSWORD:\?[^}]+\}$/;

// Docker does not run on the machines that build Common Ground, so the compose file's structure is checked instead.
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8'));

  it('runs the official Neo4j 5.26 community image with a healthcheck and a named volume', () => {
    const neo4j = compose.services.neo4j;
    assert.equal(neo4j.image, 'neo4j:5.26-community');
    assert.ok(Array.isArray(neo4j.healthcheck.test) && neo4j.healthcheck.test.join(' ').includes('cypher-shell'));
    const [volume, mountPoint] = String(neo4j.volumes[0]).split(':');
    assert.equal(mountPoint, '/data');
    assert.ok(volume && volume in compose.volumes, `volume ${volume} is declared at the top level`);
  });

  it('takes the password from the environment (.env) and refuses to run without one', () => {
    const { neo4j, app } = compose.services;
    assert.match(neo4j.environment.NEO4J_AUTH.replace(/^neo4j\//, ''), PASSWORD_FROM_ENV);
    assert.match(app.environment.NEO4J_PASSWORD, PASSWORD_FROM_ENV);
    assert.doesNotMatch(readFileSync('docker-compose.yml', 'utf8'), new RegExp(DEVELOPMENT_PASSWORD));
  });

  it('gives Neo4j the transaction limits, memory caps and file-URL ban that the local Neo4j has', () => {
    const local = localNeo4jSettings();
    const environment = compose.services.neo4j.environment;
    for (const setting of [
      'db.transaction.timeout',
      'db.memory.transaction.max',
      'dbms.memory.transaction.total.max',
      'dbms.security.allow_csv_import_from_file_urls',
    ]) {
      assert.ok(local.has(setting), `the local Neo4j sets ${setting}`);
      assert.equal(String(environment[imageVariable(setting)]), local.get(setting), setting);
    }
  });

  it('builds the app from the Dockerfile and points it at Neo4j once Neo4j is healthy', () => {
    const app = compose.services.app;
    assert.equal(app.build, '.');
    assert.equal(app.environment.NEO4J_URI, 'bolt://neo4j:7687');
    assert.equal(app.depends_on.neo4j.condition, 'service_healthy');
    assert.equal(app.environment.HOST, '0.0.0.0');
  });

  it('has an .env.example without a password, and keeps .env out of git and the image', () => {
    assert.match(readFileSync('.env.example', 'utf8'), /^NEO4J_PASSWORD=$/m);
    assert.match(readFileSync('.gitignore', 'utf8'), /^\.env$/m);
    assert.match(readFileSync('.dockerignore', 'utf8'), /^\.env$/m);
  });

  it('has a Dockerfile that builds the client and starts the server in production mode, with no password', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    assert.match(dockerfile, /^FROM node:20/m);
    assert.match(dockerfile, /npm ci --ignore-scripts/);
    assert.match(dockerfile, /npm run build/);
    assert.match(dockerfile, /^ENV NODE_ENV=production /m);
    assert.doesNotMatch(dockerfile, /NEO4J_PASSWORD=|common-ground-dev/);
    assert.match(dockerfile, /^CMD \["node", "--import", "tsx", "server\/src\/main\.ts"\]$/m);
  });
});
