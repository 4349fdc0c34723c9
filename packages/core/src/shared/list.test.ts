import { describe, expect, it } from 'vitest';
import { parseSort } from './list.js';

describe('list sorting', () => {
  const allowed = ['name', 'createdAt'] as const;
  const fallback = { field: 'createdAt' as const, desc: true };

  it('reads field and direction', () => {
    expect(parseSort('name', allowed, fallback)).toEqual({ field: 'name', desc: false });
    expect(parseSort('-name', allowed, fallback)).toEqual({ field: 'name', desc: true });
  });

  it('falls back for a missing or unknown field, never sorting by what the list does not allow', () => {
    expect(parseSort(undefined, allowed, fallback)).toEqual(fallback);
    expect(parseSort('passwordHash', allowed, fallback)).toEqual(fallback);
    expect(parseSort('-', allowed, fallback)).toEqual(fallback);
  });
});
