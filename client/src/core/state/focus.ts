/** The overlap issue the user chose to focus on: one value, so the overlap list and the canvas agree. */
import { signal } from '@preact/signals-core';

export function createFocusStore() {
  const issue = signal<string | null>(null);
  return {
    issue,
    choose(id: string) {
      issue.value = id;
    },
    clear() {
      issue.value = null;
    },
  };
}
export type FocusStore = ReturnType<typeof createFocusStore>;
