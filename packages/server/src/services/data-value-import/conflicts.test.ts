import { describe, expect, it } from 'vitest';
import { ConflictCollector, MAX_CONFLICT_ROWS, MAX_CONFLICTS } from './conflicts.ts';

const problem = (object: string) => ({
  object,
  property: 'orgUnit',
  errorCode: 'E7612',
  value: `Organisation unit not found or not accessible: \`${object}\``,
});

describe('ConflictCollector', () => {
  it('groups values with the same conflict under one entry, in row order', () => {
    const c = new ConflictCollector();
    c.add(problem('A'), 3);
    c.add(problem('B'), 4);
    c.add(problem('A'), 9);
    expect(c.list().map((x) => [x.object, x.indexes])).toEqual([
      ['A', [3, 9]],
      ['B', [4]],
    ]);
    expect(c.occurrences).toBe(3);
  });

  it('caps distinct conflicts and rows per conflict, counting what it leaves out', () => {
    const c = new ConflictCollector();
    for (let i = 0; i < MAX_CONFLICTS + 5; i++) {
      c.add(problem(`U${i}`), i + 1);
    }
    for (let i = 0; i < MAX_CONFLICT_ROWS + 7; i++) {
      c.add(problem('U0'), 10_000 + i);
    }
    expect(c.list()).toHaveLength(MAX_CONFLICTS);
    expect(c.list()[0].indexes).toHaveLength(MAX_CONFLICT_ROWS);
    expect(c.omitted).toBe(5 + 8);
    expect(c.occurrences).toBe(MAX_CONFLICTS + 5 + MAX_CONFLICT_ROWS + 7);
  });
});
