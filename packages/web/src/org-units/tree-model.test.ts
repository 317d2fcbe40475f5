import type { OrgUnit } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { childrenFromList, keyAction, visibleRows } from './tree-model.ts';

function unit(id: string, name: string, parentId: string | null, childCount: number): OrgUnit {
  return { id, code: null, name, shortName: null, parentId, level: 1, path: '', childCount };
}

// Country ─ North ─ District A ─ (2 facilities, not in the list)
//         └ South (no children)
const country = unit('Country', 'Fixtureland', null, 2);
const north = unit('North', 'North', 'Country', 1);
const south = unit('South', 'South', 'Country', 0);
const districtA = unit('DistA', 'District A', 'North', 2);
const list = [country, south, north, districtA];

describe('childrenFromList', () => {
  it('keeps only parents whose children are all listed, sorted by name', () => {
    const children = childrenFromList(list);
    expect(children.get('Country')?.map((u) => u.id)).toEqual(['North', 'South']);
    expect(children.get('North')?.map((u) => u.id)).toEqual(['DistA']);
    expect(children.has('DistA')).toBe(false);
    expect(children.get('South')).toEqual([]);
  });
});

describe('visibleRows', () => {
  const children = childrenFromList(list);
  const childrenOf = (id: string) => children.get(id);

  it('descends into expanded units only', () => {
    const rows = visibleRows([country], childrenOf, (id) => id === 'Country');
    expect(rows.map((r) => [r.unit.id, r.level, r.position, r.siblings])).toEqual([
      ['Country', 1, 1, 1],
      ['North', 2, 1, 2],
      ['South', 2, 2, 2],
    ]);
  });

  it('marks an expanded unit whose children are not loaded as loading', () => {
    const rows = visibleRows([country], childrenOf, () => true);
    expect(rows.find((r) => r.unit.id === 'DistA')).toMatchObject({
      expanded: true,
      loading: true,
    });
    expect(rows.find((r) => r.unit.id === 'South')).toMatchObject({ expanded: false });
  });
});

describe('keyAction', () => {
  const children = childrenFromList(list);
  const rows = visibleRows(
    [country],
    (id) => children.get(id),
    (id) => id !== 'DistA',
  );

  it('moves with the arrows, Home and End', () => {
    expect(keyAction(rows, 'Country', 'ArrowDown')).toEqual({ type: 'focus', id: 'North' });
    expect(keyAction(rows, 'North', 'ArrowUp')).toEqual({ type: 'focus', id: 'Country' });
    expect(keyAction(rows, 'Country', 'End')).toEqual({ type: 'focus', id: 'South' });
    expect(keyAction(rows, 'South', 'ArrowDown')).toEqual({ type: 'none' });
  });

  it('expands, enters, collapses and climbs', () => {
    expect(keyAction(rows, 'DistA', 'ArrowRight')).toEqual({ type: 'expand', id: 'DistA' });
    expect(keyAction(rows, 'North', 'ArrowRight')).toEqual({ type: 'focus', id: 'DistA' });
    expect(keyAction(rows, 'North', 'ArrowLeft')).toEqual({ type: 'collapse', id: 'North' });
    expect(keyAction(rows, 'DistA', 'ArrowLeft')).toEqual({ type: 'focus', id: 'North' });
    expect(keyAction(rows, 'South', 'ArrowRight')).toEqual({ type: 'none' });
  });

  it('selects with Enter and Space', () => {
    expect(keyAction(rows, 'South', 'Enter')).toEqual({ type: 'select', id: 'South' });
    expect(keyAction(rows, 'South', ' ')).toEqual({ type: 'select', id: 'South' });
  });
});
