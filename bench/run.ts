/**
 * `npm run bench [-- NAME…] [--facilities N] [--database URL] [--scale X]`: measures what
 * DESIGN §7 and the issues set targets for, on this machine. Never run by tests.
 * Benchmarks: demo-load, spc, outbreak, read-data-values, import, scan.
 */
import { parseArgs } from 'node:util';
import type { BenchOptions } from './bench-support.ts';

const BENCHES: Record<string, () => Promise<{ run: (o: BenchOptions) => Promise<void> }>> = {
  'demo-load': () => import('./demo-load.bench.ts'),
  spc: () => import('./spc.bench.ts'),
  outbreak: () => import('./outbreak.bench.ts'),
  'read-data-values': () => import('./read-data-values.bench.ts'),
  import: () => import('./import.bench.ts'),
  scan: () => import('./scan.bench.ts'),
};

const { values, positionals } = parseArgs({
  options: {
    facilities: { type: 'string' },
    database: { type: 'string' },
    scale: { type: 'string' },
    'r-series': { type: 'string' },
  },
  allowPositionals: true,
});
const options: BenchOptions = {
  facilities: values.facilities === undefined ? undefined : Number(values.facilities),
  database: values.database,
  scale: values.scale === undefined ? undefined : Number(values.scale),
  rSeries: values['r-series'] === undefined ? undefined : Number(values['r-series']),
};
const names = positionals.length > 0 ? positionals : Object.keys(BENCHES);
for (const name of names) {
  const load = BENCHES[name];
  if (load === undefined) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n# ${name}`);
  await (await load()).run(options);
}
