/**
 * Large synthetic data value files in every streamed format, for the streaming test and the
 * read benchmark. Values cycle over 100 data elements, 1,000 org units and 24 months. Test
 * support only.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** The formats a synthetic file can be written in. */
export type SyntheticFormat = 'dhis2-json' | 'dhis2-csv' | 'dhis2-xml' | 'adx' | 'csv';

/** The identifiers of the i-th synthetic value (0-based). */
export function syntheticValue(i: number): {
  dataElement: string;
  orgUnit: string;
  period: string;
  value: string;
} {
  const month = (i % 24) + 1;
  const year = 2023 + Math.floor((month - 1) / 12);
  return {
    dataElement: `de${String(i % 100).padStart(9, '0')}`,
    orgUnit: `ou${String(Math.floor(i / 100) % 1000).padStart(9, '0')}`,
    period: `${year}${String(((month - 1) % 12) + 1).padStart(2, '0')}`,
    value: String(i % 997),
  };
}

function line(format: SyntheticFormat, i: number): string {
  const v = syntheticValue(i);
  switch (format) {
    case 'dhis2-json':
      return `${i === 0 ? '' : ',\n'}{"dataElement":"${v.dataElement}","period":"${v.period}","orgUnit":"${v.orgUnit}","categoryOptionCombo":"HllvX50cXC0","value":"${v.value}","storedBy":"bench"}`;
    case 'dhis2-csv':
      return `${v.dataElement},${v.period},${v.orgUnit},HllvX50cXC0,,${v.value},bench\n`;
    case 'csv':
      return `${v.orgUnit};${v.dataElement};${v.period.slice(0, 4)}-${v.period.slice(4)}-15;${v.value}\n`;
    case 'dhis2-xml':
      return `<dataValue dataElement="${v.dataElement}" period="${v.period}" orgUnit="${v.orgUnit}" value="${v.value}"/>\n`;
    case 'adx':
      return `<group orgUnit="${v.orgUnit}" period="${v.period.slice(0, 4)}-${v.period.slice(4)}-01/P1M"><dataValue dataElement="${v.dataElement}" SEX="F" value="${v.value}"/></group>\n`;
  }
}

const OPENINGS: Record<SyntheticFormat, [string, string]> = {
  'dhis2-json': ['{"dataValues":[\n', '\n],"dataSet":"pBOMPrpg1QX","orgUnit":"DiszpKrYNg8"}\n'],
  'dhis2-csv': ['dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby\n', ''],
  csv: ['facility;indicator;date;count\n', ''],
  'dhis2-xml': [
    '<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" dataSet="pBOMPrpg1QX">\n',
    '</dataValueSet>\n',
  ],
  adx: ['<adx xmlns="urn:ihe:qrph:adx:2015">\n', '</adx>\n'],
};

/** Writes `count` synthetic values in `format` to `path`. */
export async function writeSyntheticFile(
  path: string,
  format: SyntheticFormat,
  count: number,
): Promise<void> {
  const out = createWriteStream(path);
  const [opening, closing] = OPENINGS[format];
  out.write(opening);
  let block = '';
  for (let i = 0; i < count; i++) {
    block += line(format, i);
    if (block.length > 1 << 20 && !out.write(block)) {
      block = '';
      await once(out, 'drain');
    } else if (block.length > 1 << 20) {
      block = '';
    }
  }
  out.end(block + closing);
  await once(out, 'finish');
}
