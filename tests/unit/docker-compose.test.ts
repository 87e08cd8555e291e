import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

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
    assert.match(neo4j.environment.NEO4J_AUTH, /^neo4j\//);
  });

  it('builds the app from the Dockerfile and points it at Neo4j once Neo4j is healthy', () => {
    const app = compose.services.app;
    assert.equal(app.build, '.');
    assert.equal(app.environment.NEO4J_URI, 'bolt://neo4j:7687');
    assert.equal(app.environment.NEO4J_PASSWORD, compose.services.neo4j.environment.NEO4J_AUTH.replace(/^neo4j\//, ''));
    assert.equal(app.depends_on.neo4j.condition, 'service_healthy');
    assert.equal(app.environment.HOST, '0.0.0.0');
  });

  it('has a Dockerfile that builds the client and starts the server without a local Neo4j', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    assert.match(dockerfile, /^FROM node:20/m);
    assert.match(dockerfile, /npm ci --ignore-scripts/);
    assert.match(dockerfile, /npm run build/);
    assert.match(dockerfile, /^CMD \["node", "--import", "tsx", "server\/src\/main\.ts"\]$/m);
  });
});
