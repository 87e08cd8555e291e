/**
 * The project's Cypher, read once from the `.cypher` files under `cypher/` and handed out by name
 * (`'health/components'` is `cypher/health/components.cypher`). Asking for a missing name fails loudly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const cypherDir = fileURLToPath(new URL('../../../cypher/', import.meta.url));

export class CypherLibrary {
  readonly #statements = new Map<string, string>();

  constructor(dir: string = cypherDir) {
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
  }

  get(name: string): string {
    const text = this.#statements.get(name);
    if (text === undefined) throw new Error(`no Cypher file cypher/${name}.cypher`);
    return text;
  }

  /** A file of several statements, each ended by `;` at the end of a line (used for the schema). */
  statements(name: string): string[] {
    return this.get(name)
      .split(/;\s*$/m)
      .map((statement) => statement.replace(/^\s*\/\/.*$/gm, '').trim())
      .filter((statement) => statement.length > 0);
  }

  names(): string[] {
    return [...this.#statements.keys()].sort();
  }
}
