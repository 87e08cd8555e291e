import assert from 'node:assert/strict';
import { loadDataset } from '../../server/src/dataset/load.ts';
import { readDataset } from '../../server/src/dataset/parse.ts';
import type { Dataset } from '../../server/src/dataset/types.ts';
import { CypherLibrary } from '../../server/src/neo4j/cypher.ts';
import type { RunningServer } from '../../server/src/server.ts';
import { getJson } from '../_http.ts';
import { testDatabase, testDriver } from '../_neo4j.ts';
import { assertMatchesSchema } from '../_openapi.ts';
import { startTestServer } from '../_server.ts';

const NATO = 'nato-russia-2022';

describe('the graph API', () => {
  let server: RunningServer;
  let data: Dataset;
  const get = (path: string) => getJson(`${server.url}${path}`);

  before(async () => {
    server = await startTestServer();
    data = readDataset('data/nato-russia-2022.yaml');
    await loadDataset(testDriver(), new CypherLibrary(), testDatabase().database, data, { replace: true });
  });
  after(() => server.close());

  describe('GET /api/negotiations', () => {
    it('lists the negotiations with their counts', async () => {
      const { status, body } = await get('/api/negotiations');
      assert.equal(status, 200);
      for (const negotiation of body.negotiations) assertMatchesSchema('NegotiationSummary', negotiation);
      const nato = body.negotiations.find((n: { id: string }) => n.id === NATO);
      assert.equal(nato.label, data.negotiation.title);
      assert.deepEqual(
        nato.sides,
        data.sides.map((s) => s.id),
      );
      assert.equal(nato.counts.positions, data.positions.length);
      assert.equal(nato.counts.statements, data.statements.length);
      assert.equal(nato.counts.issues, data.issues.length);
    });
  });

  describe('GET /api/graph', () => {
    it("returns the negotiation's positions, parties, issues and options in graphology's format", async () => {
      const { status, body } = await get(`/api/graph?negotiation=${NATO}`);
      assert.equal(status, 200);
      assertMatchesSchema('Graph', body);
      const count = (type: string) =>
        body.nodes.filter((n: { attributes: { nodeType: string } }) => n.attributes.nodeType === type).length;
      assert.equal(count('Position'), data.positions.length);
      assert.equal(count('Issue'), data.issues.length);
      assert.equal(count('Party'), data.parties.length);
      assert.equal(count('Statement'), 0, 'statements are off by default');
      const keys = new Set(body.nodes.map((n: { key: string }) => n.key));
      for (const edge of body.edges)
        assert.ok(keys.has(edge.source) && keys.has(edge.target), `edge ${edge.key} has both ends`);
      const redLine = body.nodes.find((n: { key: string }) => n.key === `${NATO}:nato-red-line-open-door`);
      assert.equal(redLine.attributes.kind, 'red-line');
      assert.deepEqual(redLine.attributes.parties, ['nato']);
      assert.deepEqual(redLine.attributes.sides, ['west']);
      assert.ok(
        body.edges.some((e: { attributes: { relationship: string } }) => e.attributes.relationship === 'HOLDS'),
      );
    });

    it('keeps only the positions of the parties asked for, with what they need', async () => {
      const { body } = await get(`/api/graph?negotiation=${NATO}&party=russia`);
      const positions = body.nodes.filter(
        (n: { attributes: { nodeType: string } }) => n.attributes.nodeType === 'Position',
      );
      const expected = data.positions.filter((p) => p.holders.includes('russia'));
      assert.equal(positions.length, expected.length);
      for (const position of positions) assert.ok(position.attributes.parties.includes('russia'));
      const parties = body.nodes.filter((n: { attributes: { nodeType: string } }) => n.attributes.nodeType === 'Party');
      assert.deepEqual(
        parties.map((p: { attributes: { slug: string } }) => p.attributes.slug).sort(),
        [...new Set(['russia', ...expected.flatMap((p) => p.holders)])].sort(),
      );
    });

    it('filters by side, issue, kind and date', async () => {
      const west = await get(`/api/graph?negotiation=${NATO}&side=west&kind=red-line,rejection`);
      const westPositions = west.body.nodes.filter(
        (n: { attributes: { nodeType: string } }) => n.attributes.nodeType === 'Position',
      );
      assert.ok(westPositions.length > 0);
      for (const p of westPositions) {
        assert.ok(['red-line', 'rejection'].includes(p.attributes.kind));
        assert.ok(p.attributes.sides.includes('west'));
      }
      const before = await get(`/api/graph?negotiation=${NATO}&asOf=2022-01-11&issue=enlargement`);
      const early = before.body.nodes.filter(
        (n: { attributes: { nodeType: string } }) => n.attributes.nodeType === 'Position',
      );
      const expected = data.positions.filter((p) => p.issue === 'enlargement' && (p.since ?? p.stated) <= '2022-01-11');
      assert.deepEqual(
        early.map((p: { attributes: { slug: string } }) => p.attributes.slug).sort(),
        expected.map((p) => p.id).sort(),
      );
    });

    it('adds statements, sources and people on request', async () => {
      const { body } = await get(`/api/graph?negotiation=${NATO}&include=statements,sources,people`);
      assertMatchesSchema('Graph', body);
      const types = new Set(body.nodes.map((n: { attributes: { nodeType: string } }) => n.attributes.nodeType));
      for (const type of ['Statement', 'Source', 'Person', 'Position']) assert.ok(types.has(type), type);
      const statements = body.nodes.filter(
        (n: { attributes: { nodeType: string } }) => n.attributes.nodeType === 'Statement',
      );
      assert.equal(statements.length, data.statements.length);
    });

    const badRequests: Array<[string, string, RegExp]> = [
      ['', 'negotiation', /negotiation: is required/],
      [`negotiation=${NATO}&kind=wish`, 'kind.0', /kind\.0: must be among demand, offer/],
      [`negotiation=${NATO}&asOf=12-01-2022`, 'asOf', /asOf: must be a date, YYYY-MM-DD/],
      [`negotiation=${NATO}&asOf=2022-02-30`, 'asOf', /asOf: must be a real day/],
      [`negotiation=${NATO}&include=secrets`, 'include.0', /include\.0: must be among/],
    ];
    for (const [query, parameter, detail] of badRequests) {
      it(`answers 400 naming ${parameter} for ?${query}`, async () => {
        const { status, body, contentType } = await get(`/api/graph?${query}`);
        assert.equal(status, 400);
        assert.match(String(contentType), /application\/problem\+json/);
        assertMatchesSchema('Problem', body);
        assert.equal(body.parameter, parameter);
        assert.match(body.detail, detail);
      });
    }

    it('answers 404 for an unknown negotiation', async () => {
      const { status, body } = await get('/api/graph?negotiation=no-such-talks');
      assert.equal(status, 404);
      assert.equal(body.parameter, 'negotiation');
      assert.match(body.detail, /There is no negotiation "no-such-talks"/);
    });
  });

  describe('GET /api/nodes/:id', () => {
    it('shows a position with its holders, issue, options, related positions and every quote behind it', async () => {
      const { status, body } = await get(`/api/nodes/${NATO}:west-rejects-enlargement-ban`);
      assert.equal(status, 200);
      assertMatchesSchema('NodeDetails', body);
      const position = data.positions.find((p) => p.id === 'west-rejects-enlargement-ban');
      assert.ok(position);
      assert.equal(body.nodeType, 'Position');
      assert.equal(body.properties.kind, position.kind);
      assert.deepEqual(body.details.holders.map((h: { slug: string }) => h.slug).sort(), [...position.holders].sort());
      assert.equal(body.details.issue.slug, position.issue);
      assert.deepEqual(
        body.details.against.map((o: { slug: string }) => o.slug).sort(),
        [...(position.against ?? [])].sort(),
      );
      const rejected = body.details.related.filter(
        (r: { relationship: string; direction: string }) => r.relationship === 'REJECTS' && r.direction === 'outgoing',
      );
      assert.deepEqual(
        rejected.map((r: { position: { slug: string } }) => r.position.slug).sort(),
        [...(position.rejects ?? [])].sort(),
      );
      const statements = data.statements.filter((s) => s.positions.includes(position.id));
      assert.equal(body.details.statements.length, statements.length);
      for (const statement of body.details.statements) {
        const expected = statements.find((s) => `${NATO}:${s.id}` === statement.id);
        assert.ok(expected, statement.id);
        assert.equal(statement.quote, expected.quote);
        assert.equal(statement.source.id, `${NATO}:${expected.source}`);
        assert.ok(statement.source.outlet && statement.date);
        if (expected.speaker) assert.equal(statement.speaker.id, `${NATO}:${expected.speaker}`);
      }
    });

    it("shows a party's positions grouped by issue", async () => {
      const { body } = await get(`/api/nodes/${NATO}:russia`);
      assert.equal(body.nodeType, 'Party');
      const listed = body.details.positionsByIssue.flatMap((g: { positions: Array<{ slug: string }> }) =>
        g.positions.map((p) => p.slug),
      );
      assert.deepEqual(
        listed.sort(),
        data.positions
          .filter((p) => p.holders.includes('russia'))
          .map((p) => p.id)
          .sort(),
      );
    });

    it("shows an issue's options and each side's positions side by side", async () => {
      const { body } = await get(`/api/nodes/${NATO}:enlargement`);
      assert.equal(body.nodeType, 'Issue');
      const sides = body.details.sides.map((s: { side: string | null }) => s.side);
      assert.ok(sides.includes('west') && sides.includes('russia-side'));
      assert.equal(body.details.options.length, data.issues.find((i) => i.id === 'enlargement')?.options.length);
    });

    it('answers 404 for an unknown node', async () => {
      const { status, body } = await get(`/api/nodes/${NATO}:no-such-thing`);
      assert.equal(status, 404);
      assert.match(body.detail, /There is no node "nato-russia-2022:no-such-thing"/);
    });
  });

  describe('GET /api/nodes/:id/neighbourhood', () => {
    it('returns the ego network, growing with depth', async () => {
      const one = await get(`/api/nodes/${NATO}:nato-red-line-open-door/neighbourhood`);
      assert.equal(one.status, 200);
      assertMatchesSchema('Graph', one.body);
      const center = `${NATO}:nato-red-line-open-door`;
      for (const edge of one.body.edges) {
        if (edge.source !== center && edge.target !== center) {
          const keys = one.body.nodes.map((n: { key: string }) => n.key);
          assert.ok(keys.includes(edge.source) && keys.includes(edge.target));
        }
      }
      const neighbours = one.body.edges.filter(
        (e: { source: string; target: string }) => e.source === center || e.target === center,
      );
      assert.equal(
        one.body.nodes.length,
        new Set(neighbours.flatMap((e: { source: string; target: string }) => [e.source, e.target])).size,
      );
      const two = await get(`/api/nodes/${NATO}:nato-red-line-open-door/neighbourhood?depth=2`);
      assert.ok(two.body.nodes.length > one.body.nodes.length);
    });

    it('answers 400 naming depth when it is out of range', async () => {
      const { status, body } = await get(`/api/nodes/${NATO}:enlargement/neighbourhood?depth=4`);
      assert.equal(status, 400);
      assert.equal(body.parameter, 'depth');
      assert.match(body.detail, /from 1 to 3/);
    });
  });

  describe('GET /api/search', () => {
    it('finds the open-door red line, ranked, with the matched field', async () => {
      const { status, body } = await get(`/api/search?q=open%20door&negotiation=${NATO}`);
      assert.equal(status, 200);
      assertMatchesSchema('SearchResults', body);
      const ids = body.results.map((r: { id: string }) => r.id);
      assert.ok(ids.includes(`${NATO}:nato-red-line-open-door`), ids.join(', '));
      const scores = body.results.map((r: { score: number }) => r.score);
      assert.deepEqual(
        [...scores].sort((a, b) => b - a),
        scores,
      );
      assert.ok(body.results.every((r: { text: string }) => /open/i.test(r.text)));
    });

    it('suggests while typing: the last word may be unfinished', async () => {
      const { body } = await get(`/api/search?q=Grush&negotiation=${NATO}`);
      assert.ok(body.results.some((r: { id: string }) => r.id === `${NATO}:alexander-grushko`));
    });

    it("searches the user's words, not Lucene syntax", async () => {
      const { status } = await get(`/api/search?q=${encodeURIComponent('door) OR (*:* AND "')}`);
      assert.equal(status, 200);
    });

    it('answers 400 without words', async () => {
      const { status, body } = await get('/api/search?q=%20');
      assert.equal(status, 400);
      assert.equal(body.parameter, 'q');
    });
  });
});
