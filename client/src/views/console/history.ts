/** The user's past queries, newest first, kept in the browser's localStorage so they survive a reload. */

export interface HistoryEntry {
  query: string;
  params: string;
  at: string;
}

const KEY = 'common-ground:cypher-history';
const MAX_ENTRIES = 50;

export function readHistory(storage: Storage = localStorage): HistoryEntry[] {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(value)
      ? value.filter((e): e is HistoryEntry => typeof e?.query === 'string' && typeof e?.params === 'string')
      : [];
  } catch {
    return [];
  }
}

/** Adds a run at the top; the same query with the same parameters moves up instead of repeating. */
export function addToHistory(entry: HistoryEntry, storage: Storage = localStorage): HistoryEntry[] {
  const entries = [
    entry,
    ...readHistory(storage).filter((e) => e.query !== entry.query || e.params !== entry.params),
  ].slice(0, MAX_ENTRIES);
  try {
    storage.setItem(KEY, JSON.stringify(entries));
  } catch {
    // storage full or disabled: the history lasts for this page only
  }
  return entries;
}

export function clearHistory(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}
