/** The overlap analysis: the positions set aside (the what-if) and the report computed without them. */
import { signal } from '@preact/signals-core';
import type { OverlapReport } from '../../api/client.ts';

export type ReportStatus = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

export function createWhatIfStore() {
  const without = signal<ReadonlySet<string>>(new Set());
  const report = signal<OverlapReport | null>(null);
  const status = signal<ReportStatus>({ state: 'loading' });
  return {
    without,
    report,
    status,
    /** Sets a position aside, or counts it again. */
    toggle(position: string) {
      const next = new Set(without.peek());
      if (next.has(position)) next.delete(position);
      else next.add(position);
      without.value = next;
    },
    restore() {
      without.value = new Set();
    },
    /** A report arrived; the previous one stays on screen until then, so the list is never rebuilt empty. */
    reported(next: OverlapReport) {
      report.value = next;
      status.value = { state: 'ready' };
    },
    loading() {
      status.value = { state: 'loading' };
    },
    failed(message: string) {
      status.value = { state: 'failed', message };
    },
  };
}
export type WhatIfStore = ReturnType<typeof createWhatIfStore>;
