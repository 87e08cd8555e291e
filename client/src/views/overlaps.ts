/**
 * The overlap analysis's quotes in the shape the details panel shows them, for the overlap panel
 * (overlap-panel.tsx) to reuse the details' quote list.
 */
import type { OverlapStatement } from '../../../shared/api/overlaps.ts';
import type { Statement } from '../api/client.ts';

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
