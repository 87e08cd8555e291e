import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the local Neo4j's recipe lives (tracked) and what the install step produces (git-ignored). */
export const recipe = {
  pom: path.join(here, 'pom.xml'),
  launcherSource: path.join(here, 'Launcher.java'),
  baseConfig: path.join(here, 'neo4j.conf'),
  jvmOptions: path.join(here, 'jvm.options'),
};

export const projectRoot = path.resolve(here, '..', '..');
export const installDir = path.join(projectRoot, '.neo4j', 'install');
export const installed = {
  classpathFile: path.join(installDir, 'classpath.txt'),
  launcherClasses: path.join(installDir, 'classes'),
  recipeStamp: path.join(installDir, 'recipe.sha256'),
};
/** The data folder `npm start` uses for the development database unless NEO4J_DATA_DIR says otherwise. */
export const devInstanceDir = path.join(projectRoot, '.neo4j', 'dev');

/** The local Neo4j's folder: NEO4J_DATA_DIR's (config.localNeo4j.dataDir) or the development one. */
export function localDataDir(configured: string | undefined): string {
  return configured ? path.resolve(configured) : devInstanceDir;
}
