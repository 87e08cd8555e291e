/** The client's state, without a browser: the stores' actions, the rules across domains, the derived state. */
import assert from 'node:assert/strict';
import { effect } from '@preact/signals-core';
import type { OverlapReport, SerializedGraph } from '../../client/src/api/client.ts';
import { DIMMED } from '../../client/src/core/appearance.ts';
import { nodeDisplay, type RenderContext } from '../../client/src/core/render.ts';
import { emptyFilters } from '../../client/src/core/state/filters.ts';
import { type AppState, createAppState } from '../../client/src/core/state/index.ts';

type Node = SerializedGraph['nodes'][number];
const node = (key: string, attributes: Partial<Node['attributes']>): Node => ({
  key,
  attributes: { label: key, nodeType: 'Position', labels: [], ...attributes },
});
const edge = (source: string, relationship: string, target: string) => ({
  key: `${source}|${relationship}|${target}`,
  source,
  target,
  attributes: { relationship },
});
function graph(nodes: Node[], edges: ReturnType<typeof edge>[]): SerializedGraph {
  return { attributes: {}, options: { type: 'directed', multi: true, allowSelfLoops: true }, nodes, edges };
}

/** A negotiation of three parties (one without a colour of its own), an issue and two positions. */
const NEGOTIATION = graph(
  [
    node('nato', { nodeType: 'Party', slug: 'nato', side: 'west', color: '#2b6cb0' }),
    node('russia', { nodeType: 'Party', slug: 'russia', side: 'east', color: '#c53030' }),
    node('eu', { nodeType: 'Party', slug: 'eu' }),
    node('missions', { nodeType: 'Issue', slug: 'missions' }),
    node('reopen', { kind: 'offer', parties: ['nato'] }),
    node('sanctions', { kind: 'threat', parties: ['eu'] }),
  ],
  [
    edge('nato', 'HOLDS', 'reopen'),
    edge('eu', 'HOLDS', 'sanctions'),
    edge('reopen', 'ON', 'missions'),
    edge('sanctions', 'ON', 'missions'),
  ],
);

const REPORT = {
  negotiation: 'n',
  issues: [
    {
      issue: { id: 'missions', label: 'Diplomatic missions' },
      verdict: 'conditional',
      explanation: '',
      options: [],
      sides: [{ label: 'West', positions: [{ id: 'reopen', holders: [{ id: 'nato' }] }] }],
    },
  ],
} as unknown as OverlapReport;

function loadedApp(): AppState {
  const app = createAppState({ filters: emptyFilters(), selected: null, seed: 1 });
  app.negotiation.loaded(NEGOTIATION);
  app.whatIf.reported(REPORT);
  return app;
}

function context(app: AppState): RenderContext {
  const d = app.derived;
  return {
    visible: d.visible.value,
    center: d.center.value,
    neighbours: d.neighbours.value,
    focus: d.focusNodes.value,
    selected: app.selection.selected.value,
    verdicts: d.verdicts.value,
    colours: d.colours.value,
    negotiationNodes: d.negotiationNodes.value,
  };
}

const dimmed = (app: AppState) =>
  app.derived.shownGraph.value.nodes
    .filter((n) => nodeDisplay(n.key, n.attributes, context(app)).color === DIMMED)
    .map((n) => n.key);

describe('the client state', () => {
  describe('one spotlight: selection and overlap focus', () => {
    it('choosing an issue focuses its nodes, clears the selection and frames them', () => {
      const app = loadedApp();
      app.actions.select('russia', 'canvas');
      app.actions.chooseIssue('missions');
      assert.equal(app.selection.selected.value, null);
      assert.deepEqual([...(app.derived.focusNodes.value ?? [])].sort(), ['missions', 'nato', 'reopen']);
      assert.deepEqual(app.layout.frame.value, { nodes: new Set(['missions', 'nato', 'reopen']) });
      assert.deepEqual(dimmed(app).sort(), ['eu', 'russia', 'sanctions']);
    });

    it('selecting from the search clears the focus and frames the node; from the canvas it does not move the camera', () => {
      const app = loadedApp();
      app.actions.chooseIssue('missions');
      app.layout.release();
      app.actions.select('reopen', 'canvas');
      assert.equal(app.focus.issue.value, null);
      assert.equal(app.layout.frame.value, null);
      app.actions.select('sanctions', 'search');
      assert.deepEqual(app.layout.frame.value, { nodes: new Set(['sanctions']) });
    });

    it('a background click or Escape clears both, so the list and the canvas agree', () => {
      const app = loadedApp();
      app.actions.chooseIssue('missions');
      app.actions.clearSpotlight();
      assert.equal(app.focus.issue.value, null);
      assert.equal(app.derived.focusNodes.value, null);
      assert.deepEqual(dimmed(app), []);
    });

    it('"View all" clears the focus and the console result', () => {
      const app = loadedApp();
      app.actions.showResult(graph([node('nato', { nodeType: 'Party', slug: 'nato' })], []), 'replace');
      app.actions.chooseIssue('missions');
      app.actions.viewAll();
      assert.equal(app.focus.issue.value, null);
      assert.equal(app.consoleResult.result.value, null);
      assert.equal(app.derived.shownGraph.value, NEGOTIATION);
      assert.equal(app.layout.frame.value, 'all');
    });
  });

  describe('console results', () => {
    const RESULT = graph(
      [
        node('eu', { nodeType: 'Party', slug: 'eu' }),
        node('nato', { nodeType: 'Party', slug: 'nato', color: '#2b6cb0' }),
        node('sanctions', { kind: 'threat' }),
      ],
      [edge('eu', 'HOLDS', 'sanctions')],
    );

    it('a result clears the overlap focus: none of its nodes is dimmed', () => {
      const app = loadedApp();
      app.actions.chooseIssue('missions');
      app.actions.showResult(RESULT, 'replace');
      assert.equal(app.focus.issue.value, null);
      assert.deepEqual(dimmed(app), []);
    });

    it("keeps each party's colour from the negotiation, and a position takes its holder's", () => {
      const app = loadedApp();
      const colourIn = (key: string) => {
        const shown = app.derived.shownGraph.value.nodes.find((n) => n.key === key);
        assert.ok(shown);
        return nodeDisplay(key, shown.attributes, context(app)).color;
      };
      const eu = colourIn('eu');
      app.actions.showResult(RESULT, 'replace');
      assert.equal(colourIn('eu'), eu, 'the EU keeps its colour when it comes first');
      assert.notEqual(colourIn('eu'), colourIn('nato'));
      assert.equal(colourIn('sanctions'), eu, 'a position without its parties borrows them from the negotiation');
    });

    it('merges into the negotiation, and further merges add to the result', () => {
      const app = loadedApp();
      app.actions.showResult(graph([node('extra', {})], []), 'merge');
      assert.equal(app.derived.shownGraph.value.nodes.length, NEGOTIATION.nodes.length + 1);
      app.actions.showResult(graph([node('more', {})], []), 'merge');
      assert.equal(app.derived.shownGraph.value.nodes.length, NEGOTIATION.nodes.length + 2);
      app.actions.showResult(graph([node('alone', {})], []), 'replace');
      assert.deepEqual(
        app.derived.shownGraph.value.nodes.map((n) => n.key),
        ['alone'],
      );
    });
  });

  describe('a selection that is not drawn', () => {
    it('dims nothing and says why: evidence not shown', () => {
      const app = loadedApp();
      app.actions.select('grushko', 'search');
      assert.equal(app.derived.center.value, null);
      assert.deepEqual(dimmed(app), []);
      assert.equal(app.derived.selectionNote.value, null, 'nothing to say while the details load');
      app.selection.detailsChanged({
        id: 'grushko',
        state: 'ready',
        node: {
          id: 'grushko',
          nodeType: 'Person',
          labels: ['Person'],
          properties: { name: 'Alexander Grushko' },
          neighbours: [],
        },
      });
      assert.deepEqual(app.derived.selectionNote.value, {
        text: 'Alexander Grushko is not drawn; show evidence to see them.',
        showEvidence: true,
      });
      app.actions.showEvidence();
      assert.equal(app.filters.filters.value.evidence, true);
    });

    it('says when there is no such node', () => {
      const app = loadedApp();
      app.actions.select('n:does-not-exist', 'url');
      app.selection.detailsChanged({ id: 'n:does-not-exist', state: 'missing' });
      assert.equal(app.derived.selectionNote.value?.text, 'No node n:does-not-exist.');
    });

    it('says when the filters hide it', () => {
      const app = loadedApp();
      app.filters.set({ parties: ['nato'] });
      app.actions.select('sanctions', 'canvas');
      assert.equal(app.derived.selectionNote.value?.text, 'sanctions is hidden by the filters or the legend.');
      assert.deepEqual(dimmed(app), []);
    });

    it('ignores details that arrive for a selection already replaced', () => {
      const app = loadedApp();
      app.actions.select('nato', 'canvas');
      app.selection.detailsChanged({ id: 'russia', state: 'missing' });
      assert.equal(app.selection.details.value, null);
    });
  });

  describe('filters and the what-if', () => {
    it('a filter change other than the evidence does not ask for the graph again', () => {
      const app = loadedApp();
      let runs = 0;
      const dispose = effect(() => {
        app.filters.evidence.value;
        runs++;
      });
      app.filters.set({ parties: ['nato'] });
      app.filters.clear();
      assert.equal(runs, 1);
      app.filters.set({ evidence: true });
      assert.equal(runs, 2);
      dispose();
    });

    it('sets positions aside and restores them', () => {
      const app = loadedApp();
      app.whatIf.toggle('reopen');
      app.whatIf.toggle('sanctions');
      app.whatIf.toggle('reopen');
      assert.deepEqual([...app.whatIf.without.value], ['sanctions']);
      app.whatIf.restore();
      assert.equal(app.whatIf.without.value.size, 0);
      assert.equal(app.whatIf.report.value, REPORT, 'the report stays until the next one arrives');
    });

    it('the legend hides a party and its positions', () => {
      const app = loadedApp();
      app.filters.toggleHidden('party:eu');
      assert.equal(app.derived.visible.value.has('eu'), false);
      assert.equal(app.derived.visible.value.has('sanctions'), false);
      app.filters.toggleHidden('party:eu');
      assert.equal(app.derived.visible.value.has('sanctions'), true);
    });
  });
});
