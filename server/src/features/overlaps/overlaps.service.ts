/**
 * The overlap analysis of a negotiation: runs cypher/analysis/*.cypher in one read transaction (so the
 * verdicts, the evidence and a what-if's baseline see the same graph) and shapes the result.
 */

import type { OverlapReport } from '../../../../shared/api/overlaps.ts';
import { KIND_ROLES } from '../../../../shared/vocabulary.ts';
import { UnknownNegotiationError, UnknownPositionError } from '../../errors/domain.ts';
import type { Database } from '../../neo4j/database.ts';
import { evidenceRow, requestRow, verdictRow } from './overlaps.rows.ts';
import { shapeReport } from './overlaps.shape.ts';

export class OverlapsService {
  constructor(private readonly db: Database) {}

  /**
   * Every issue's verdict with its evidence, ranked. `without` (position ids or slugs) sets positions aside
   * for a what-if; the report then also lists the verdicts that change.
   */
  async analyse(negotiation: string, without: string[] = []): Promise<OverlapReport> {
    // The analysis is the API's costliest read: it stops when the client that asked goes away (Database).
    return this.db.readTransaction(async (tx) => {
      const [request] = await tx.rows('analysis/request', requestRow, { negotiation, without });
      if (!request?.negotiation) throw new UnknownNegotiationError(negotiation);
      const unknown = request.without.filter((w) => !w.position).map((w) => w.asked);
      if (unknown.length > 0) throw new UnknownPositionError(negotiation, unknown);
      const setAside = [...new Set(request.without.flatMap((w) => (w.position ? [w.position.id] : [])))];

      const parameters = { negotiation, without: setAside, kindRoles: KIND_ROLES };
      const verdicts = await tx.rows('analysis/verdicts', verdictRow, parameters);
      const evidence = await tx.rows('analysis/evidence', evidenceRow, parameters);
      const before =
        setAside.length > 0
          ? await tx.rows('analysis/verdicts', verdictRow, { ...parameters, without: [] })
          : undefined;
      return shapeReport({ request: { ...request, negotiation: request.negotiation }, verdicts, evidence, before });
    });
  }
}
