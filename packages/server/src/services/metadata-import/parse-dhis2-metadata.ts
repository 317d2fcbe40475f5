/**
 * Turns a DHIS2 `/api/metadata` document (untrusted JSON) into checked objects, one list per
 * type. Every problem is reported with the object's type, id and field; objects with problems
 * are left out so later checks do not report them twice.
 */
import { isPeriodType } from '@sankofa/core';
import { DHIS2_DEFAULTS } from './dhis2-metadata.ts';
import { FieldReader, UID_PATTERN, isRecord } from './field-reader.ts';
import {
  COLLECTION_OF,
  METADATA_OBJECT_TYPES,
  type MetadataObjectType,
  type ReportBuilder,
} from './metadata-import-report.ts';
import { emptyMetadataInput, type MetadataInput } from './metadata-objects.ts';

const NUMERIC_VALUE_TYPES = new Set([
  'NUMBER',
  'INTEGER',
  'INTEGER_POSITIVE',
  'INTEGER_NEGATIVE',
  'INTEGER_ZERO_OR_POSITIVE',
  'PERCENTAGE',
  'UNIT_INTERVAL',
]);

/** DHIS2 `DISAGGREGATION`/`ATTRIBUTE` as Sankofa stores it (absent means disaggregation). */
function dimensionType(r: FieldReader): 'disaggregation' | 'attribute' {
  const value = r.string('dataDimensionType');
  if (value === null || value === 'DISAGGREGATION') {
    return 'disaggregation';
  }
  if (value === 'ATTRIBUTE') {
    return 'attribute';
  }
  r.fail(
    'dataDimensionType',
    'invalid_value',
    `dataDimensionType "${value}" must be DISAGGREGATION or ATTRIBUTE`,
  );
  return 'disaggregation';
}

/** The naming columns every identifiable object has. */
function naming(r: FieldReader, id: string) {
  return {
    id,
    code: r.string('code'),
    name: r.string('name', true) ?? '',
    shortName: r.string('shortName'),
  };
}

type Parse = (r: FieldReader, id: string, input: MetadataInput, report: ReportBuilder) => void;

const PARSERS: Record<MetadataObjectType, Parse> = {
  categoryOption(r, id, input) {
    const row = { ...naming(r, id), startDate: r.date('startDate'), endDate: r.date('endDate') };
    input.categoryOption.push({ row, refs: r.refs });
  },
  category(r, id, input) {
    const row = { ...naming(r, id), dataDimensionType: dimensionType(r) };
    const optionIds = r.refList('categoryOptions', 'categoryOption');
    input.category.push({ row, optionIds, refs: r.refs });
  },
  categoryCombo(r, id, input) {
    const { shortName: _shortName, ...names } = naming(r, id);
    const row = { ...names, dataDimensionType: dimensionType(r) };
    const categoryIds = r.refList('categories', 'category');
    input.categoryCombo.push({ row, categoryIds, refs: r.refs });
  },
  categoryOptionCombo(r, id, input) {
    const { shortName: _shortName, ...names } = naming(r, id);
    const categoryComboId = r.ref('categoryCombo', 'categoryCombo', true) ?? '';
    const optionIds = r.refList('categoryOptions', 'categoryOption');
    input.categoryOptionCombo.push({ row: { ...names, categoryComboId }, optionIds, refs: r.refs });
  },
  organisationUnit(r, id, input) {
    const row = {
      ...naming(r, id),
      parentId: r.ref('parent', 'organisationUnit'),
      openingDate: r.date('openingDate'),
      closedDate: r.date('closedDate'),
    };
    const statedLevel = r.number('level', { integer: true });
    const statedPath = r.string('path');
    input.organisationUnit.push({ row, statedLevel, statedPath, refs: r.refs });
  },
  organisationUnitGroup(r, id, input) {
    const memberIds = r.refList('organisationUnits', 'organisationUnit');
    input.organisationUnitGroup.push({ row: naming(r, id), memberIds, refs: r.refs });
  },
  dataElement(r, id, input, report) {
    const valueType = r.string('valueType', true) ?? '';
    let aggregationType = r.string('aggregationType');
    if (aggregationType === null && valueType !== '') {
      aggregationType = NUMERIC_VALUE_TYPES.has(valueType) ? 'SUM' : 'NONE';
      report.warn({
        objectType: 'dataElement',
        id,
        field: 'aggregationType',
        code: 'default_applied',
        message: `dataElement "${id}" has no aggregationType: ${aggregationType} assumed for ${valueType}`,
      });
    }
    const row = {
      ...naming(r, id),
      description: r.string('description'),
      valueType,
      aggregationType: aggregationType ?? '',
      domainType: r.string('domainType') ?? 'AGGREGATE',
      categoryComboId: r.ref('categoryCombo', 'categoryCombo') ?? DHIS2_DEFAULTS.categoryCombo,
      zeroIsSignificant: r.flag('zeroIsSignificant'),
    };
    input.dataElement.push({ row, refs: r.refs });
  },
  dataElementGroup(r, id, input) {
    const memberIds = r.refList('dataElements', 'dataElement');
    input.dataElementGroup.push({ row: naming(r, id), memberIds, refs: r.refs });
  },
  dataSet(r, id, input) {
    const periodType = r.string('periodType', true) ?? '';
    if (periodType !== '' && !isPeriodType(periodType)) {
      r.fail(
        'periodType',
        'invalid_period_type',
        `periodType "${periodType}" of dataSet "${id}" is not a DHIS2 period type`,
      );
    }
    const row = {
      ...naming(r, id),
      periodType,
      categoryComboId: r.ref('categoryCombo', 'categoryCombo') ?? DHIS2_DEFAULTS.categoryCombo,
      openFuturePeriods: r.number('openFuturePeriods', { integer: true }) ?? 0,
      expiryDays: r.number('expiryDays', { integer: true }) ?? 0,
      timelyDays: r.number('timelyDays', { integer: true }) ?? 15,
    };
    const elements = r.readers('dataSetElements')?.map((e, i) => ({
      dataElementId: e.ref('dataElement', 'dataElement', true) ?? '',
      categoryComboId: e.ref('categoryCombo', 'categoryCombo'),
      field: `dataSetElements[${i}]`,
    }));
    // A data element listed twice is in the data set once (the first listing wins).
    const unique = elements?.filter(
      (e, i) => elements.findIndex((o) => o.dataElementId === e.dataElementId) === i,
    );
    const orgUnitIds = r.refList('organisationUnits', 'organisationUnit');
    input.dataSet.push({ row, elements: unique ?? null, orgUnitIds, refs: r.refs });
  },
  indicatorType(r, id, input) {
    const row = {
      id,
      name: r.string('name', true) ?? '',
      factor: r.number('factor', { required: true }) ?? 1,
      number: r.flag('number'),
    };
    input.indicatorType.push({ row, refs: r.refs });
  },
  indicator(r, id, input) {
    const row = {
      ...naming(r, id),
      description: r.string('description'),
      numerator: r.string('numerator', true) ?? '',
      numeratorDescription: r.string('numeratorDescription'),
      denominator: r.string('denominator', true) ?? '',
      denominatorDescription: r.string('denominatorDescription'),
      indicatorTypeId: r.ref('indicatorType', 'indicatorType', true) ?? '',
      annualized: r.flag('annualized'),
      decimals: r.number('decimals', { integer: true }),
    };
    input.indicator.push({ row, refs: r.refs });
  },
  constant(r, id, input) {
    const row = { ...naming(r, id), value: r.number('value', { required: true }) ?? 0 };
    input.constant.push({ row, refs: r.refs });
  },
};

/**
 * Checks a DHIS2 metadata document and returns its objects by type. Problems go to `report`;
 * objects with problems are not returned.
 */
export function parseDhis2Metadata(document: unknown, report: ReportBuilder): MetadataInput {
  const input = emptyMetadataInput();
  if (!isRecord(document)) {
    report.error({
      objectType: 'metadata',
      id: '',
      field: '',
      code: 'not_an_object',
      message: 'A DHIS2 metadata file is a JSON object such as { "organisationUnits": [ … ] }',
    });
    return input;
  }
  for (const type of METADATA_OBJECT_TYPES) {
    const collection = COLLECTION_OF[type];
    const items = document[collection];
    if (items === undefined) {
      continue;
    }
    if (!Array.isArray(items)) {
      const message = `${collection} must be a list of objects`;
      report.error({
        objectType: 'metadata',
        id: '',
        field: collection,
        code: 'not_a_list',
        message,
      });
      continue;
    }
    const seen = new Set<string>();
    items.forEach((item: unknown, i) => {
      const position = `#${i + 1}`;
      const rawId = isRecord(item) ? item.id : undefined;
      const id = typeof rawId === 'string' && rawId !== '' ? rawId : position;
      const fail = (field: string, code: string, message: string) =>
        report.error({ objectType: type, id, field, code, message });
      if (!isRecord(item)) {
        fail('', 'not_an_object', `${collection} item ${position} must be an object`);
      } else if (id === position) {
        fail('id', 'required', `${collection} item ${position} has no id`);
      } else if (!UID_PATTERN.test(id)) {
        fail('id', 'invalid_uid', `${type} id "${id}" must be a letter and 10 letters or digits`);
      } else if (seen.has(id)) {
        fail('id', 'duplicate_id', `${type} "${id}" appears more than once in ${collection}`);
      } else {
        seen.add(id);
        const reader = new FieldReader(report, type, id, item);
        const before = countOf(input, type);
        PARSERS[type](reader, id, input, report);
        if (reader.hasErrors && countOf(input, type) > before) {
          input[type].pop();
        }
      }
    });
  }
  return input;
}

function countOf(input: MetadataInput, type: MetadataObjectType): number {
  return input[type].length;
}
