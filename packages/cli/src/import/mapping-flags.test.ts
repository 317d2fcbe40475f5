import { parseCsvMapping } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { MappingFlagError, mappingFromFlags } from './mapping-flags.ts';

describe('mappingFromFlags', () => {
  it('builds a mapping parseCsvMapping accepts, with columns, options, id schemes and fixed text', () => {
    const json = mappingFromFlags(
      {},
      [
        'dataElement=indicator',
        'orgUnit=facility',
        'period=month',
        'value=count',
        'periodFormat=date',
        'periodType=Monthly',
        'idSchemes.orgUnit=code',
      ],
      ['attributeOptionCombo=HllvX50cXC0'],
    );
    const mapping = parseCsvMapping(json);
    expect(mapping.dataElement).toBe('indicator');
    expect(mapping.periodFormat).toBe('date');
    expect(mapping.periodType).toBe('Monthly');
    expect(mapping.idSchemes?.orgUnit).toBe('code');
    expect(mapping.attributeOptionCombo).toEqual({ fixed: 'HllvX50cXC0' });
  });

  it('lets flags win over the mapping file and keeps the file’s other id schemes', () => {
    const json = mappingFromFlags(
      { value: 'n', idSchemes: { dataElement: 'code' } },
      ['value=count', 'idSchemes.orgUnit=name'],
      [],
    );
    expect(json).toEqual({ value: 'count', idSchemes: { dataElement: 'code', orgUnit: 'name' } });
  });

  it('names the flag when an entry is not KEY=VALUE', () => {
    expect(() => mappingFromFlags({}, ['dataElement'], [])).toThrow(MappingFlagError);
    expect(() => mappingFromFlags({}, [], ['=x'])).toThrow(/--fixed "=x"/);
  });
});
