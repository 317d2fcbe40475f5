import { describe, expect, it } from 'vitest';
import { keepVisible, OPEN_STATUSES, signalChartLink, signalListSearch } from './signal-query.ts';

describe('signalListSearch', () => {
  it('repeats kind and status in a fixed order', () => {
    const search = signalListSearch({
      orgUnit: 'OuDistrA001',
      kinds: ['trend', 'outbreak'],
      statuses: ['under_review', 'new'],
      offset: 0,
      limit: 50,
    });
    expect(search).toBe(
      'orgUnit=OuDistrA001&kind=outbreak&kind=trend&status=new&status=under_review&limit=50',
    );
  });

  it('leaves out an empty filter, the whole scope and offset 0', () => {
    expect(signalListSearch({ orgUnit: null, kinds: [], statuses: [], offset: 0, limit: 20 })).toBe(
      'limit=20',
    );
  });

  it('sends the offset of a later page', () => {
    const search = new URLSearchParams(
      signalListSearch({
        orgUnit: null,
        kinds: [],
        statuses: OPEN_STATUSES,
        offset: 100,
        limit: 50,
      }),
    );
    expect(search.getAll('status')).toEqual(['new', 'acknowledged', 'under_review']);
    expect(search.get('offset')).toBe('100');
  });
});

describe('signalChartLink', () => {
  const signal = {
    indicator: { id: 'IndMalaria1', name: 'Malaria' },
    orgUnit: { id: 'OuDistrA001', name: 'District A', level: 3 },
    firstPeriod: '202312',
    lastPeriod: '202403',
  };

  it('links to the indicator page for the org unit, widening the range to the signal', () => {
    expect(signalChartLink(signal, { from: '202401', to: '202402' })).toEqual({
      pathname: '/indicators/IndMalaria1',
      search: '?ou=OuDistrA001&from=202312&to=202403',
    });
  });

  it('keeps the range for periods that are not months', () => {
    const weekly = { ...signal, firstPeriod: '2024W1', lastPeriod: '2024W5' };
    expect(signalChartLink(weekly, { from: '202301', to: '202312' }).search).toBe(
      '?ou=OuDistrA001&from=202301&to=202312',
    );
  });
});

describe('keepVisible', () => {
  it('drops the selected ids no longer listed', () => {
    expect([...keepVisible(new Set(['a', 'b']), [{ id: 'b' }, { id: 'c' }])]).toEqual(['b']);
  });
});
