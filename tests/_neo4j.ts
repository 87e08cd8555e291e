/**
 * The throwaway Neo4j of a test run: started once for the whole suite (see _global.ts) on a free port
 * with a temporary data folder, stopped and removed afterwards. TEST_NEO4J_URI points the suite at
 * another, empty database instead (its data will be replaced).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { type LocalNeo4j, startLocalNeo4j } from '../scripts/local-neo4j/local-neo4j.ts';
import { freePort } from './_net.ts';

export interface TestDatabase {
  uri: string;
  user: string;
  password: string;
  database: string;
}

let current: TestDatabase | undefined;
let local: LocalNeo4j | undefined;
let tempDir: string | undefined;
let driver: Driver | undefined;

export async function startTestDatabase(): Promise<void> {
  const {
    TEST_NEO4J_URI,
    TEST_NEO4J_USER = 'neo4j',
    TEST_NEO4J_PASSWORD = '',
    TEST_NEO4J_DATABASE = 'neo4j',
  } = process.env;
  if (TEST_NEO4J_URI) {
    current = {
      uri: TEST_NEO4J_URI,
      user: TEST_NEO4J_USER,
      password: TEST_NEO4J_PASSWORD,
      database: TEST_NEO4J_DATABASE,
    };
    return;
  }
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'common-ground-test-'));
  // Removed even if the run dies before the teardown.
  process.once('exit', removeTempDir);
  local = await startLocalNeo4j({
    dir: tempDir,
    boltPort: await freePort(),
    password: randomBytes(12).toString('hex'),
  });
  current = { uri: local.uri, user: local.user, password: local.password, database: 'neo4j' };
}

function removeTempDir(): void {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

export async function stopTestDatabase(): Promise<void> {
  await driver?.close();
  driver = undefined;
  await local?.stop();
  local = undefined;
  removeTempDir();
}

export function testDatabase(): TestDatabase {
  if (!current) throw new Error('the test database is not running (tests/_global.ts starts it)');
  return current;
}

/** A driver for tests' own checks and set-up; closed at the end of the run. */
export function testDriver(): Driver {
  const db = testDatabase();
  driver ??= neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
  return driver;
}

/** Environment variables that point the app at the test database. */
export function testEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const db = testDatabase();
  return {
    NEO4J_URI: db.uri,
    NEO4J_USER: db.user,
    NEO4J_PASSWORD: db.password,
    NEO4J_DATABASE: db.database,
    LOG_LEVEL: 'silent',
    ...extra,
  };
}
