/**
 * Large DHIS2 CSV files on the fixture country for the concurrency tests: `count` values of two
 * data elements over ten org units and daily periods from `startYear`-01-01, written to a new
 * temporary folder. Test support only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE as F } from '../../testing/fixture-country.ts';

const UNITS = [
  F.country,
  F.north,
  F.south,
  F.districtA,
  F.districtB,
  F.districtC,
  F.facilityA1,
  F.facilityA2,
  F.facilityB1,
  F.facilityC1,
];

/**
 * @param brokenLastLine - End with a line the CSV reader refuses (an unclosed quote), so the
 * import fails after reading every other value.
 * @returns The file's path, its folder (remove it when done) and its content.
 */
export function writeLargeDhis2Csv(
  count: number,
  options: { startYear: number; storedBy: string; brokenLastLine?: boolean },
): { path: string; dir: string; content: Buffer } {
  const start = Date.UTC(options.startYear, 0, 1);
  const lines = ['dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby'];
  for (let n = 0; n < count; n++) {
    const day = new Date(start + Math.floor(n / 20) * 86_400_000);
    const period = day.toISOString().slice(0, 10).replaceAll('-', '');
    const de = n % 2 === 0 ? F.anc1 : F.anc4;
    lines.push(`${de},${period},${UNITS[Math.floor(n / 2) % 10]},,,${n % 50},${options.storedBy}`);
  }
  if (options.brokenLastLine === true) {
    lines.push(`${F.anc1},20990101,${F.country},,,"1,${options.storedBy}`);
  }
  const content = Buffer.from(`${lines.join('\n')}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'sankofa-large-csv-'));
  const path = join(dir, 'values.csv');
  writeFileSync(path, content);
  return { path, dir, content };
}
