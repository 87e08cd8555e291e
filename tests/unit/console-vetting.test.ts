import assert from 'node:assert/strict';
import { vetExpressions } from '../../server/src/features/cypher/expression-vetting.ts';
import { type PlanOperator, vetPlan } from '../../server/src/features/cypher/plan-vetting.ts';
import { decodeUnicodeEscapes, tokenize } from '../../server/src/features/cypher/query-text.ts';
import { MAX_DEPTH, nestingDepth, vetQueryText } from '../../server/src/features/cypher/text-vetting.ts';

const reasonOf = (query: string, reviewed = false) => vetQueryText(query, { reviewed }).refusal?.reason;

describe('the console’s reading of Cypher text', () => {
  describe('decodeUnicodeEscapes', () => {
    it('decodes escapes everywhere, as Neo4j does before it reads tokens', () => {
      assert.equal(decodeUnicodeEscapes('RETURN 1 \\u003D~ 2'), 'RETURN 1 =~ 2');
      assert.equal(decodeUnicodeEscapes("RETURN 'x\\u0027"), "RETURN 'x'");
    });

    it('leaves an escaped backslash and what follows it alone', () => {
      assert.equal(decodeUnicodeEscapes("RETURN 'x\\\\u0027'"), "RETURN 'x\\\\u0027'");
      assert.equal(decodeUnicodeEscapes('RETURN \\u00ZZ'), 'RETURN \\u00ZZ');
    });
  });

  describe('tokenize', () => {
    const texts = (query: string) => tokenize(query).map((t) => t.text);

    it('skips strings, comments and parameters, and unquotes names', () => {
      assert.deepEqual(texts("MATCH (n) // =~ a comment\nWHERE n.x = '=~' /* =~ */ RETURN `=~`, $p"), [
        'MATCH',
        '(',
        'n',
        ')',
        'WHERE',
        'n',
        '.',
        'x',
        '=',
        "'=~'",
        'RETURN',
        '=~',
        ',',
        '$p',
      ]);
      assert.deepEqual(
        tokenize('RETURN `=~`').map((t) => t.kind),
        ['name', 'name'],
      );
    });

    it('reads escapes inside strings and doubled backticks inside names', () => {
      assert.deepEqual(texts("RETURN 'it\\'s =~' AS `a``b`"), ['RETURN', "'it\\'s =~'", 'AS', 'a`b']);
    });

    it('reads =~ as one operator only when it is written as one', () => {
      assert.ok(texts('RETURN a =~ b').includes('=~'));
      assert.ok(!texts('RETURN a = ~ b').includes('=~'));
    });
  });

  describe('vetQueryText', () => {
    it('accepts ordinary reading queries, and every saved query word for word', () => {
      for (const query of [
        "MATCH (p:Party)-[:HOLDS]->(x:Position {kind: 'red-line'}) RETURN p.label, x LIMIT 10",
        'UNWIND range(1, 10) AS i RETURN i',
        'MATCH (n) WHERE n.kind IN $kinds RETURN [m IN nodes(path) | m.label] AS labels',
        "MATCH p = (a)-[*..3]-(b) WHERE all(n IN nodes(p) WHERE n.kind = 'demand') RETURN p",
        'RETURN [x IN [1, 2, 3] WHERE x IN [1, 2] | x * 2] AS l',
        'CYPHER 5 MATCH (use) RETURN use',
        "CALL db.index.fulltext.queryNodes('search', $text) YIELD node RETURN node",
      ]) {
        assert.equal(reasonOf(query), undefined, query);
      }
    });

    const refused: Array<[string, string]> = [
      ["RETURN $s =~ '(.*a){12}b' AS m", 'regular-expression'],
      ["RETURN $s \\u003D~ 'x' AS m", 'regular-expression'],
      ['RETURN range(1, 10) AS l', 'range'],
      ['RETURN size(RANGE (1, 10)) AS n', 'range'],
      ['RETURN `range`(1, 10) AS l', 'range'],
      ['RETURN r\\u0061nge(1, 10) AS l', 'range'],
      ['UNWIND range(1, 10) + [11] AS i RETURN i', 'range'],
      ["RETURN replace('a', 'a', 'b') AS s", 'replace'],
      ['RETURN reduce(s = 0, x IN [1] | s + x) AS s', 'reduce'],
      ['RETURN [x IN $l | [y IN $l | y]] AS l', 'nested-iteration'],
      ['RETURN [x IN $l WHERE x IN $m] AS l', 'nested-iteration'],
      ['RETURN any(x IN $l WHERE all(y IN $m WHERE x = y)) AS b', 'nested-iteration'],
      ['EXPLAIN MATCH (n) RETURN n', 'explain-or-profile'],
      ['CYPHER 5 PROFILE MATCH (n) RETURN n', 'explain-or-profile'],
      ['CYPHER runtime=slotted MATCH (n) RETURN n', 'query-options'],
      ['USE system SHOW USERS', 'use-database'],
      ['CALL { USE other RETURN 1 AS one } RETURN one', 'use-database'],
      [`RETURN ${'('.repeat(100)}1${')'.repeat(100)} AS x`, 'too-deep'],
      [`RETURN ${Array.from({ length: 1200 }, (_, i) => `${i} AS c${i}`).join(', ')}`, 'too-long'],
    ];
    for (const [query, reason] of refused) {
      it(`refuses ${query.slice(0, 60)}${query.length > 60 ? '…' : ''} (${reason})`, () => {
        assert.equal(reasonOf(query), reason);
      });
    }

    it('holds a reviewed query to the rule for every query only', () => {
      assert.equal(reasonOf('RETURN reduce(s = 0, x IN [1] | s + x) AS s', true), undefined);
      assert.equal(reasonOf("RETURN 'a' =~ 'a' AS m", true), 'regular-expression');
    });

    it('gives the place of a refused construct', () => {
      const vetting = vetQueryText("MATCH (n)\nWHERE n.x =~ 'a'\nRETURN n");
      assert.equal(vetting.refusal?.offset, 20);
    });
  });

  describe('nestingDepth', () => {
    const depth = (query: string) => nestingDepth(tokenize(query));

    it('counts brackets, CASE, and chains of one operator, not flat conjunctions', () => {
      assert.equal(depth('RETURN ((1))'), 2);
      assert.equal(depth('WITH 1 AS a RETURN a + a + a'), 2);
      assert.ok(
        depth(`MATCH (n) WHERE ${Array.from({ length: 30 }, (_, i) => `n.p${i} = ${i}`).join(' AND ')} RETURN n`) < 40,
      );
      assert.ok(depth(`RETURN ${'CASE WHEN true THEN '.repeat(40)}1${' END'.repeat(40)}`) > MAX_DEPTH);
    });
  });
});

describe('the console’s reading of Neo4j plans', () => {
  const plan = (operatorType: string, details: string, children: PlanOperator[] = []): PlanOperator => ({
    operatorType: `${operatorType}@neo4j`,
    arguments: { Details: details },
    children,
  });

  it('accepts a plan that only reads, with bounded expressions', () => {
    assert.equal(
      vetPlan(plan('ProduceResults', 'x', [plan('Unwind', 'range($autoint_0, $autoint_1) AS x')])),
      undefined,
    );
  });

  it('refuses expressions the text check could have missed, in Neo4j’s own spelling', () => {
    assert.equal(
      vetPlan(plan('ProduceResults', 'm', [plan('Projection', '$s =~ $r AS m')]))?.reason,
      'regular-expression',
    );
    assert.equal(vetPlan(plan('Projection', 'range($a, $b) AS l'))?.reason, 'range');
    assert.equal(vetPlan(plan('Projection', '[x IN $l | [y IN $l | y]] AS l'))?.reason, 'nested-iteration');
  });

  it('leaves IN tests to the text check: a plan writes a literal list as a parameter', () => {
    assert.equal(vetPlan(plan('Projection', '[x IN $l WHERE x IN $autolist_0] AS l')), undefined);
    assert.equal(vetExpressions(tokenize('[x IN $l WHERE x IN $m]'))?.reason, 'nested-iteration');
  });

  it('refuses a write before anything else', () => {
    assert.equal(vetPlan(plan('EmptyResult', '', [plan('Create', '(n:Hack)')]))?.reason, 'writes');
  });
});
