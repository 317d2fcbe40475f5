/**
 * The `/api/metadata` request of a pull: the object types Sankofa imports, each with the
 * fields `importMetadata` reads (DHIS2's metadata export syntax `<type>=true` and
 * `<type>:fields=…`), filtered by `lastUpdated` in an incremental pull.
 */
import type { QueryParams } from './dhis2-client.ts';

/** Per `/api/metadata` collection, the fields asked for. */
export const METADATA_FIELDS: Readonly<Record<string, string>> = {
  categoryOptions: 'id,code,name,shortName,startDate,endDate',
  categories: 'id,code,name,shortName,dataDimensionType,categoryOptions[id]',
  categoryCombos: 'id,code,name,dataDimensionType,categories[id]',
  categoryOptionCombos: 'id,code,name,categoryCombo[id],categoryOptions[id]',
  organisationUnits: 'id,code,name,shortName,parent[id],level,path,openingDate,closedDate',
  organisationUnitGroups: 'id,code,name,shortName,organisationUnits[id]',
  dataElements:
    'id,code,name,shortName,description,valueType,aggregationType,domainType,categoryCombo[id],zeroIsSignificant',
  dataElementGroups: 'id,code,name,shortName,dataElements[id]',
  dataSets:
    'id,code,name,shortName,periodType,categoryCombo[id],dataSetElements[dataElement[id],categoryCombo[id]],organisationUnits[id],openFuturePeriods,expiryDays,timelyDays',
  indicatorTypes: 'id,name,factor,number',
  indicators:
    'id,code,name,shortName,description,numerator,numeratorDescription,denominator,denominatorDescription,indicatorType[id],annualized,decimals',
  constants: 'id,code,name,shortName,value',
};

/**
 * The query parameters of `GET /api/metadata.json`.
 *
 * @param since - DHIS2 server time of the last pull: only objects updated after it (null: all)
 * @example
 *   metadataParams('2026-11-20T10:15:30.123').filter // 'lastUpdated:gt:2026-11-20T10:15:30.123'
 */
export function metadataParams(since: string | null): QueryParams {
  const params: Record<string, string> = { skipSharing: 'true' };
  for (const [collection, fields] of Object.entries(METADATA_FIELDS)) {
    params[collection] = 'true';
    params[`${collection}:fields`] = fields;
  }
  if (since !== null) {
    params.filter = `lastUpdated:gt:${since}`;
  }
  return params;
}
