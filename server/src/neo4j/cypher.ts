/**
 * The project's Cypher, read once from the `.cypher` files under `cypher/` and handed out by name
 * (`'health/components'` is `cypher/health/components.cypher`). Every name the code uses (CYPHER_FILES)
 * must be there when the library loads, so a missing file stops the start, not a request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CYPHER_FILES, type CypherName } from './cypher-names.ts';

export type { CypherName };

export const cypherDir = fileURLToPath(new URL('../../../cypher/', import.meta.url));

export class CypherLibrary {
  readonly #statements = new Map<string, string>();

  /** `required`: the names that must exist; by default every name the code uses, for the project's folder. */
  constructor(dir: string = cypherDir, required: readonly string[] = dir === cypherDir ? CYPHER_FILES : []) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.cypher')) continue;
      const file = path.join(entry.parentPath, entry.name);
      const name = path
        .relative(dir, file)
        .replace(/\.cypher$/, '')
        .split(path.sep)
        .join('/');
      this.#statements.set(name, readFileSync(file, 'utf8'));
    }
    const missing = required.filter((name) => !this.#statements.has(name));
    if (missing.length > 0) {
      throw new Error(`The Cypher files ${missing.map((name) => `${name}.cypher`).join(', ')} are missing from ${dir}`);
    }
  }

  /** A file the code runs by name. */
  get(name: CypherName): string {
    return this.file(name);
  }

  /** Any file, by a name found at run time (a saved query, the rules one names). */
  file(name: string): string {
    const text = this.#statements.get(name);
    if (text === undefined) throw new Error(`no Cypher file cypher/${name}.cypher`);
    return text;
  }

  /** A file of several statements, each ended by `;` at the end of a line (used for the schema). */
  statements(name: CypherName): string[] {
    return this.get(name)
      .split(/;\s*$/m)
      .map((statement) => statement.replace(/^\s*\/\/.*$/gm, '').trim())
      .filter((statement) => statement.length > 0);
  }

  names(): string[] {
    return [...this.#statements.keys()].sort();
  }
}
