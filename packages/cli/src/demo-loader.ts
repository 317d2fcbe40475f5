/** Shared by `sankofa demo` and `sankofa serve --demo-if-empty`: generate, load with a progress bar, print logins. */
import {
  generateDemoCountry,
  loadDemoCountry,
  type DemoCountry,
  type DemoOptions,
  type DialectAdapter,
} from '@sankofa/server';
import { SingleBar } from 'cli-progress';

/** The last complete month before `now`, as a DHIS2 monthly period id (`202610` in November 2026). */
export function lastCompleteMonth(now: Date): string {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth(); // 0-based: the previous month, 1-based
  return month === 0 ? `${year - 1}12` : `${year}${String(month).padStart(2, '0')}`;
}

/** Generates and loads a demo country, showing progress on stderr. */
export async function loadDemo(
  adapter: DialectAdapter,
  options: Partial<DemoOptions>,
): Promise<DemoCountry> {
  const country = generateDemoCountry({ endPeriod: lastCompleteMonth(new Date()), ...options });
  const total = country.countDataValues();
  const started = Date.now();
  const bar = new SingleBar({
    format: 'Loading demo data values [{bar}] {percentage}% | {value}/{total} | {rate} values/s',
    hideCursor: true,
    stream: process.stderr,
    noTTYOutput: false,
  });
  bar.start(total, 0, { rate: 0 });
  const result = await loadDemoCountry(adapter, country, {
    onProgress: (loaded) =>
      bar.update(loaded, {
        rate: Math.round(loaded / Math.max(0.001, (Date.now() - started) / 1000)),
      }),
  });
  bar.stop();
  console.error(
    `Loaded the demo country: ${result.orgUnits} org units, ${result.dataValues} data values, ${result.users} users in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return country;
}

/** Prints the demo accounts and their passwords. */
export function printDemoLogins(country: Pick<DemoCountry, 'users'>): void {
  console.log('Demo accounts (email / password):');
  for (const user of country.users) {
    console.log(
      `  ${user.role.padEnd(11)} ${user.email.padEnd(36)} ${user.password}   (${user.name})`,
    );
  }
}
