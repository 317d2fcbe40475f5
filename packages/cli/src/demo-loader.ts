/** Shared by `sankofa demo` and `sankofa serve --demo-if-empty`: generate, load with a progress bar, print logins. */
import {
  generateDemoCountry,
  loadDemoCountry,
  type DemoCountry,
  type DemoOptions,
  type DialectAdapter,
} from '@sankofa/server';
import { SingleBar } from 'cli-progress';
import { writeLines, type CliIo, type CliStream } from './cli-io.ts';

/** The last complete month before `now`, as a DHIS2 monthly period id (`202610` in November 2026). */
export function lastCompleteMonth(now: Date): string {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth(); // 0-based: the previous month, 1-based
  return month === 0 ? `${year - 1}12` : `${year}${String(month).padStart(2, '0')}`;
}

/** Generates and loads a demo country, showing progress on `io.stderr`. */
export async function loadDemo(
  adapter: DialectAdapter,
  options: Partial<DemoOptions>,
  io: Pick<CliIo, 'stderr'>,
): Promise<DemoCountry> {
  const country = generateDemoCountry({ endPeriod: lastCompleteMonth(new Date()), ...options });
  const total = country.countDataValues();
  const started = Date.now();
  const bar = new SingleBar({
    format: 'Loading demo data values [{bar}] {percentage}% | {value}/{total} | {rate} values/s',
    hideCursor: true,
    stream: io.stderr,
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
  writeLines(
    io.stderr,
    `Loaded the demo country: ${result.orgUnits} org units, ${result.dataValues} data values, ${result.users} users in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return country;
}

/** Prints the demo accounts and their passwords on `stdout`. */
export function printDemoLogins(country: Pick<DemoCountry, 'users'>, stdout: CliStream): void {
  writeLines(
    stdout,
    'Demo accounts (email / password):',
    ...country.users.map(
      (user) =>
        `  ${user.role.padEnd(11)} ${user.email.padEnd(36)} ${user.password}   (${user.name})`,
    ),
  );
}
