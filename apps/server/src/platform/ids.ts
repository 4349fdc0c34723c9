import { v7 } from 'uuid';

/** UUIDv7: time-ordered keys made in the app, so inserts stay index-friendly. */
export function newId(): string {
  return v7();
}
