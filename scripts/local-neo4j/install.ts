/**
 * The install step of the local Neo4j (run by `npm install`, and by `npm start`/`npm test` when missing):
 * Maven resolves Neo4j Community from the recipe in pom.xml into the local Maven repository,
 * which caches it between runs, and the launcher is compiled against that class path.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { installDir, installed, recipe } from './paths.ts';

export class LocalNeo4jInstallError extends Error {
  override name = 'LocalNeo4jInstallError';
}

/** Runs a tool quietly; its output is shown only when it fails. */
function run(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${stdout ?? ''}${stderr ?? ''}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new LocalNeo4jInstallError(
        `'${command}' was not found. The local Neo4j needs Java 17+ and Maven on the PATH; ` +
          'or set NEO4J_URI to use another Neo4j.',
      );
    }
    throw new LocalNeo4jInstallError(`'${command} ${args.join(' ')}' failed (its output is above).`);
  }
}

/** Identifies the recipe an install was made from: a changed pom.xml or launcher means a new install. */
function recipeHash(): string {
  const hash = createHash('sha256');
  for (const file of [recipe.pom, recipe.launcherSource]) hash.update(readFileSync(file));
  return hash.digest('hex');
}

/** The jars of the installed class path, or undefined when the install is missing or stale. */
export function installedClasspath(): string[] | undefined {
  if (!existsSync(installed.classpathFile) || !existsSync(installed.recipeStamp)) return undefined;
  if (readFileSync(installed.recipeStamp, 'utf8') !== recipeHash()) return undefined;
  const jars = readFileSync(installed.classpathFile, 'utf8').trim().split(path.delimiter);
  return jars.every((jar) => existsSync(jar)) ? jars : undefined;
}

export function install(): string[] {
  mkdirSync(installDir, { recursive: true });
  console.log('local Neo4j: resolving Neo4j Community with Maven (cached in the local Maven repository)...');
  run('mvn', [
    '--batch-mode',
    '--quiet',
    '--file',
    recipe.pom,
    'dependency:build-classpath',
    '-DincludeScope=runtime',
    `-Dmdep.outputFile=${installed.classpathFile}`,
  ]);
  const jars = readFileSync(installed.classpathFile, 'utf8').trim().split(path.delimiter);
  run('javac', ['-d', installed.launcherClasses, '-cp', jars.join(path.delimiter), recipe.launcherSource]);
  writeFileSync(installed.recipeStamp, recipeHash());
  console.log(`local Neo4j: ready (${jars.length} jars).`);
  return jars;
}

export function ensureInstalled(): string[] {
  return installedClasspath() ?? install();
}

// `tsx scripts/local-neo4j/install.ts`: the npm postinstall step.
if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.env.NEO4J_URI) {
    console.log('local Neo4j: NEO4J_URI is set, so no local Neo4j is installed.');
  } else {
    try {
      install();
    } catch (error) {
      console.error(`local Neo4j: ${(error as Error).message}`);
      process.exit(1);
    }
  }
}
