/**
 * The explorer's state: one small store per domain, the rules that cross domains (as actions), and the
 * state derived from them (computed, never kept twice). Pure: no DOM, so unit tests cover it.
 */
import { batch, computed } from '@preact/signals-core';
import type { SerializedGraph } from '../../api/client.ts';
import { asGraphLike, mergeGraphs, neighboursOf, partyColours } from '../graph-data.ts';
import { visibleNodes } from '../visibility.ts';
import { createConsoleResultStore, type ResultMode } from './console-result.ts';
import { createFiltersStore, type Filters } from './filters.ts';
import { createFocusStore } from './focus.ts';
import { createLayoutStore } from './layout.ts';
import { createNegotiationStore } from './negotiation.ts';
import { createSelectionStore, type SelectedVia } from './selection.ts';
import { createWhatIfStore } from './what-if.ts';

/** The nodes kept out of the negotiation graph unless the user asks for the evidence. */
export const EVIDENCE_TYPES = ['Statement', 'Source', 'Person'];

const EMPTY: SerializedGraph = {
  attributes: {},
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  nodes: [],
  edges: [],
};

export interface InitialState {
  filters: Filters;
  selected: string | null;
  /** Seeds the layout's starting positions: the same graph and seed give the same picture. */
  seed: number;
}

export function createAppState(initial: InitialState) {
  const negotiation = createNegotiationStore();
  const selection = createSelectionStore(initial.selected);
  const focus = createFocusStore();
  const filters = createFiltersStore(initial.filters);
  const whatIf = createWhatIfStore();
  const consoleResult = createConsoleResultStore();
  const layout = createLayoutStore(initial.seed);

  /** The graph the canvas draws: the negotiation's, a console result instead of it, or both merged. */
  const shownGraph = computed<SerializedGraph>(() => {
    const result = consoleResult.result.value;
    const base = negotiation.graph.value;
    if (result?.mode === 'replace' || (result && !base)) return result.graph;
    if (result && base) return mergeGraphs(base, result.graph);
    return base ?? EMPTY;
  });
  const nodesShown = computed(() => new Map(shownGraph.value.nodes.map((n) => [n.key, n.attributes])));
  /** The negotiation's own nodes: a console result's node borrows what they know (e.g. a position's holders). */
  const negotiationNodes = computed(
    () => new Map((negotiation.graph.value?.nodes ?? []).map((n) => [n.key, n.attributes])),
  );
  const visible = computed(() =>
    visibleNodes(asGraphLike(shownGraph.value), filters.filters.value, filters.hidden.value),
  );
  const colours = computed(() => partyColours(negotiation.graph.value));
  const verdicts = computed(
    () => new Map((whatIf.report.value?.issues ?? []).map((i) => [i.issue.id, i.verdict] as [string, string])),
  );
  /** The focused issue with its options, positions and their holders. */
  const focusNodes = computed<ReadonlySet<string> | null>(() => {
    const id = focus.issue.value;
    if (!id) return null;
    const issue = whatIf.report.value?.issues.find((i) => i.issue.id === id);
    const nodes = new Set<string>([id]);
    for (const option of issue?.options ?? []) nodes.add(option.id);
    for (const side of issue?.sides ?? []) {
      for (const position of side.positions) {
        nodes.add(position.id);
        for (const holder of position.holders) nodes.add(holder.id);
      }
    }
    return nodes;
  });
  /** The node in the spotlight: the one hovered, else the selection when it is drawn. */
  const center = computed(() => {
    const hovered = selection.hovered.value;
    if (hovered && visible.value.has(hovered)) return hovered;
    const selected = selection.selected.value;
    return selected && visible.value.has(selected) ? selected : null;
  });
  const neighbours = computed(() => (center.value ? neighboursOf(shownGraph.value, center.value) : new Set<string>()));
  /** Why the selection is not on the canvas, in words; null when it is (or nothing is selected). */
  const selectionNote = computed<{ text: string; showEvidence: boolean } | null>(() => {
    const id = selection.selected.value;
    if (!id || visible.value.has(id)) return null;
    const details = selection.details.value;
    const known = nodesShown.value.get(id);
    if (known) return { text: `${known.label} is hidden by the filters or the legend.`, showEvidence: false };
    if (details?.id !== id || details.state === 'loading') return null;
    if (details.state === 'missing') return { text: `No node ${id}.`, showEvidence: false };
    if (details.state === 'failed')
      return { text: `${id} could not be loaded: ${details.message}`, showEvidence: false };
    const label = String(details.node.properties.label ?? details.node.properties.name ?? id);
    if (EVIDENCE_TYPES.includes(details.node.nodeType) && !filters.filters.value.evidence) {
      const them = details.node.nodeType === 'Person' ? 'them' : 'it';
      return { text: `${label} is not drawn; show evidence to see ${them}.`, showEvidence: true };
    }
    return { text: `${label} is not drawn in this view.`, showEvidence: false };
  });

  const actions = {
    /** Selecting puts one node in the spotlight: the overlap focus gives way. */
    select(id: string, via: SelectedVia) {
      batch(() => {
        selection.select(id, via);
        focus.clear();
        if (via === 'url' || via === 'search') layout.frameOn({ nodes: new Set([id]) });
      });
    },
    /** Focusing on an issue clears the selection and frames the issue's nodes. */
    chooseIssue(id: string) {
      batch(() => {
        focus.choose(id);
        selection.clear();
        layout.frameOn({ nodes: focusNodes.value ?? new Set([id]) });
      });
    },
    /** A background click or Escape: nothing in the spotlight, everywhere. */
    clearSpotlight() {
      batch(() => {
        selection.clear();
        focus.clear();
      });
    },
    /** "View all": no focus, the negotiation's graph (not a console result), all of it in view. */
    viewAll() {
      batch(() => {
        focus.clear();
        consoleResult.clear();
        layout.frameOn('all');
      });
    },
    /** A console result replaces the focus: it is about other nodes. */
    showResult(graph: SerializedGraph, mode: ResultMode) {
      batch(() => {
        consoleResult.show(graph, mode);
        focus.clear();
        layout.frameOn('all');
      });
    },
    showEvidence() {
      filters.set({ evidence: true });
    },
  };

  return {
    negotiation,
    selection,
    focus,
    filters,
    whatIf,
    consoleResult,
    layout,
    actions,
    derived: {
      shownGraph,
      nodesShown,
      negotiationNodes,
      visible,
      colours,
      verdicts,
      focusNodes,
      center,
      neighbours,
      selectionNote,
    },
  };
}
export type AppState = ReturnType<typeof createAppState>;
