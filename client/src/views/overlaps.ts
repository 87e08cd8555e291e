/**
 * The overlap view: every issue's verdict from the analysis, ranked, each with its own colour. Choosing one
 * focuses the canvas on the options and positions and explains it with its quotes; setting positions
 * aside (the what-if) re-runs the analysis and shows what changed.
 */
import type { OverlapStatement } from '../../../shared/api/overlaps.ts';
import { api, type OverlapReport, type Statement } from '../api/client.ts';

// The overlap panel itself is a component (overlap-panel.tsx); this module is its data: the report and quotes.

/** The analysis of a negotiation with some positions set aside (the what-if). */
export function fetchReport(negotiation: string, without: Iterable<string>): Promise<OverlapReport> {
  return api.overlaps(negotiation, [...without]);
}

/** The analysis names speakers `name`; the details panel's statements call it `label`. */
export function normalise(statement: OverlapStatement): Statement {
  return {
    ...statement,
    speaker: statement.speaker
      ? {
          id: statement.speaker.id,
          label: statement.speaker.name,
          nodeType: 'Person',
          ...(statement.speaker.role ? { role: statement.speaker.role } : {}),
        }
      : null,
    source: statement.source
      ? { ...statement.source, ...(statement.source.url ? { url: statement.source.url } : { url: undefined }) }
      : { id: '', outlet: 'unknown source', title: '', date: '' },
    event: null,
  };
}
