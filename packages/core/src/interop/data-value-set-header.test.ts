import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import {
  dataValueSetHeaderFrom,
  readFlag,
  readIdScheme,
  scalarText,
} from './data-value-set-header.ts';

describe('dataValueSetHeaderFrom', () => {
  it('reads the set-level fields and ignores the rest', () => {
    expect(
      dataValueSetHeaderFrom({
        dataSet: 'pBOMPrpg1QX',
        completeDate: '2014-02-03',
        period: 201401,
        orgUnit: 'DiszpKrYNg8',
        attributeOptionCombo: 'aoc',
        dataValues: [{ value: '1' }],
        exported: '2015-02-08',
      }),
    ).toEqual({
      dataSet: 'pBOMPrpg1QX',
      completeDate: '2014-02-03',
      period: '201401',
      orgUnit: 'DiszpKrYNg8',
      attributeOptionCombo: 'aoc',
    });
  });

  it('reads id schemes in any case, dryRun and the import strategy (or its old name)', () => {
    expect(
      dataValueSetHeaderFrom({
        idScheme: 'CODE',
        dataElementIdScheme: 'uid',
        orgUnitIdScheme: 'Name',
        categoryOptionComboIdScheme: 'code',
        dataSetIdScheme: 'UID',
        dryRun: 'true',
        strategy: 'create_and_update',
      }),
    ).toEqual({
      idSchemes: {
        idScheme: 'code',
        dataElement: 'uid',
        orgUnit: 'name',
        categoryOptionCombo: 'code',
        dataSet: 'uid',
      },
      dryRun: true,
      importStrategy: 'CREATE_AND_UPDATE',
    });
    expect(dataValueSetHeaderFrom({ dryRun: false, importStrategy: 'DELETE' })).toEqual({
      dryRun: false,
      importStrategy: 'DELETE',
    });
  });

  it('treats empty and null members as absent', () => {
    expect(
      dataValueSetHeaderFrom({
        dataSet: '',
        period: null,
        orgUnitIdScheme: '',
        importStrategy: null,
      }),
    ).toEqual({});
  });

  it.each([
    [
      { importStrategy: 'MERGE' },
      'importStrategy',
      'invalid_import_strategy',
      'is not one of CREATE, UPDATE, CREATE_AND_UPDATE, DELETE',
    ],
    [{ strategy: 5 }, 'strategy', 'invalid_import_strategy', 'strategy 5 is not one of'],
    [
      { orgUnitIdScheme: 'ATTRIBUTE:Y1LUDU8sWBR' },
      'orgUnitIdScheme',
      'invalid_id_scheme',
      'attribute id schemes are not supported',
    ],
    [{ idScheme: 'uuid' }, 'idScheme', 'invalid_id_scheme', 'expected uid, code or name'],
  ])('rejects %j naming the field', (fields, field, code, message) => {
    let error: unknown;
    try {
      dataValueSetHeaderFrom(fields);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ field, code });
    expect((error as Error).message).toContain(message);
  });
});

describe('readFlag', () => {
  it('is true only for true in any case, as Boolean.parseBoolean', () => {
    expect([true, 'true', 'TRUE', 'True'].map(readFlag)).toEqual([true, true, true, true]);
    expect([false, 'false', 't', '1', 'yes', 1].map(readFlag)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(readFlag(undefined)).toBeUndefined();
    expect(readFlag('')).toBeUndefined();
    expect(readFlag(null)).toBeNull();
  });
});

describe('readIdScheme and scalarText', () => {
  it('reads id schemes', () => {
    expect(readIdScheme('UID', 'idScheme')).toBe('uid');
    expect(() => readIdScheme(undefined, 'idScheme')).toThrow(ValidationError);
  });

  it('spells scalars as text', () => {
    expect([
      scalarText('a'),
      scalarText(''),
      scalarText(12.5),
      scalarText(false),
      scalarText(null),
      scalarText({}),
    ]).toEqual(['a', undefined, '12.5', 'false', undefined, undefined]);
  });
});
