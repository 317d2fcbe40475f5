/**
 * The child process of the kill test: imports `count` values (2 data elements × 10 org units ×
 * daily periods from 2000-01-01) into the database at `url` as actor `kill-test`, printing
 * `rows N` as progress arrives. The test kills it with SIGKILL part-way.
 *
 * Usage: node --import tsx kill-child.test-support.ts <database-url> <count>
 */
import { openDatabase } from '../../db/database.ts';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import { importDataValues } from './import-data-values.ts';
import { memoryReader, type MemoryValue } from './memory-reader.test-support.ts';

const [url, countText] = process.argv.slice(2);
const count = Number(countText);
const units = [
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

function* values(): Iterable<MemoryValue> {
  const start = Date.UTC(2000, 0, 1);
  for (let n = 0; n < count; n++) {
    const day = Math.floor(n / 20);
    const period = new Date(start + day * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    yield {
      row: n + 1,
      dataElement: n % 2 === 0 ? F.anc1 : F.anc4,
      orgUnit: units[Math.floor(n / 2) % 10],
      period,
      value: String(n % 50),
    };
  }
}

const adapter = openDatabase(url);
const summary = await importDataValues(adapter.db, memoryReader(values), {
  actor: { userId: null, actor: 'kill-test' },
  writableOrgUnitPaths: null,
  onProgress: (p) => process.stdout.write(`rows ${p.rows}\n`),
});
process.stdout.write(`done ${summary.status}\n`);
await adapter.close();
