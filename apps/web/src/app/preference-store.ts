/**
 * A tiny persisted value that React can subscribe to (useSyncExternalStore) and plain modules
 * can read (the api client needs the UI language outside React).
 */
export interface PreferenceStore<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createPreferenceStore<T extends string>(
  storageKey: string,
  allowed: readonly T[],
  fallback: T,
): PreferenceStore<T> {
  const listeners = new Set<() => void>();
  let current: T = read();

  function read(): T {
    try {
      const stored = window.localStorage.getItem(storageKey);
      return stored && (allowed as readonly string[]).includes(stored) ? (stored as T) : fallback;
    } catch {
      // Storage can be blocked (private mode, policies): the default still works.
      return fallback;
    }
  }

  return {
    get: () => current,
    set(value) {
      if (value === current) return;
      current = value;
      try {
        window.localStorage.setItem(storageKey, value);
      } catch {
        /* not persisted, still applied for this visit */
      }
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
