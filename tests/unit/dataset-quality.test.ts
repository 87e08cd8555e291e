import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundledDatasetFiles } from '../../server/src/dataset/bundled.ts';
import { readDataset } from '../../server/src/dataset/parse.ts';

// The articles the bundled data was curated from sit beside a checkout of the project, not in it.
const SEEDS = path.resolve('..', 'shared', 'seeds');

/** Straight quotes, single spaces: how a quote may differ from the article and still be verbatim. */
function normalise(text: string): string {
  return text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The article's text in the forms a verbatim quote may take: a hyphen at a line end kept, or joined. */
function articleForms(text: string): string[] {
  return [normalise(text.replace(/-\s*\n\s*/g, '-')), normalise(text.replace(/-\s*\n\s*/g, ''))];
}

/** The source id → seed file table that a dataset keeps in its header comment (`# source-id: file.txt`). */
function seedTable(file: string): Map<string, string> {
  const table = new Map<string, string>();
  for (const match of readFileSync(file, 'utf8').matchAll(/^# ([a-z0-9-]+): (\S+\.txt)\s*$/gm)) {
    table.set(match[1]!, match[2]!);
  }
  return table;
}

/** Issues on which only one side has stated anything, as curated (the analysis may say more). */
const KNOWN_ONE_SIDED: Record<string, string[]> = {
  'nato-russia-2022': ['arms-supplies-ukraine', 'sanctions', 'space-cyber'],
};

for (const file of bundledDatasetFiles()) {
  const data = readDataset(file);
  const name = path.basename(file);

  describe(`the bundled dataset ${name}`, () => {
    it('is a whole negotiation: 30+ positions on 10+ issues, 100+ statements', () => {
      assert.ok(data.positions.length >= 30, `${data.positions.length} positions`);
      assert.ok(data.issues.length >= 10, `${data.issues.length} issues`);
      assert.ok(data.statements.length >= 100, `${data.statements.length} statements`);
    });

    it('backs every position with at least one statement that names its source and has a quote', () => {
      for (const position of data.positions) {
        const statements = data.statements.filter((s) => s.positions.includes(position.id));
        assert.ok(statements.length > 0, `position ${position.id} has no statement`);
        for (const statement of statements) {
          assert.ok(statement.source && statement.quote.trim().length > 0, `statement ${statement.id}`);
        }
      }
    });

    it('has positions from both sides on every issue, unless the issue is known to be one-sided', () => {
      const sideOf = new Map(data.parties.map((p) => [p.id, p.side]));
      const oneSided = data.issues
        .filter((issue) => {
          const sides = new Set(
            data.positions.filter((p) => p.issue === issue.id).flatMap((p) => p.holders.map((h) => sideOf.get(h))),
          );
          sides.delete(undefined);
          return sides.size < data.sides.length;
        })
        .map((issue) => issue.id)
        .sort();
      assert.deepEqual(oneSided, KNOWN_ONE_SIDED[data.negotiation.id] ?? []);
    });

    it('quotes every statement verbatim from the article of its source', function () {
      if (!existsSync(SEEDS)) {
        console.log(`      (skipped: the source articles are not at ${SEEDS}; they are not part of a clone)`);
        this.skip();
      }
      const table = seedTable(file);
      const articles = new Map<string, string[]>();
      for (const [source, seed] of table)
        articles.set(source, articleForms(readFileSync(path.join(SEEDS, seed), 'utf8')));
      const missing: string[] = [];
      for (const statement of data.statements) {
        if (statement.paraphrase) continue;
        const forms = articles.get(statement.source);
        assert.ok(forms, `no seed file for source ${statement.source} in the header of ${name}`);
        const quote = normalise(statement.quote);
        if (!forms.some((article) => article.includes(quote))) missing.push(`${statement.id}: ${statement.quote}`);
      }
      assert.deepEqual(missing, [], 'quotes not found verbatim in their article');
    });
  });
}
