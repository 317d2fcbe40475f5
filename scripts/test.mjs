#!/usr/bin/env node
/**
 * `npm test`: provisions what the suites need, runs every test once, and prints a plain
 * `N passed, N failed` line.
 *
 * - PostgreSQL: uses SANKOFA_TEST_PG_URL if set; otherwise starts a throw-away cluster on
 *   loopback when Debian's PostgreSQL binaries are present (/usr/lib/postgresql/<v>/bin).
 * - Chromium: uses SANKOFA_CHROMIUM if set, else /usr/bin/chromium when present;
 *   SANKOFA_TEST_BROWSER=0 skips the browser suites (e.g. while working on the server).
 * - Missing PostgreSQL or Chromium skips those suites with a plain reason; with CI=true
 *   nothing may be skipped and the run fails instead.
 *
 * Extra arguments go to Vitest, e.g. `npm test -- packages/core`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin, startPostgresCluster } from './postgres-cluster.mjs';
import { countReport } from './test-report.mjs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const extraArgs = process.argv.slice(2);
const skipped = [];
const cleanups = [];

async function provisionPostgres() {
  if (process.env.SANKOFA_TEST_PG_URL) {
    return `given by SANKOFA_TEST_PG_URL`;
  }
  const bin = findPostgresBin();
  if (bin === undefined) {
    skipped.push(
      'PostgreSQL suites: no PostgreSQL binaries in /usr/lib/postgresql (apt-get install postgresql, or set SANKOFA_TEST_PG_URL)',
    );
    return undefined;
  }
  const cluster = await startPostgresCluster({ bin });
  cleanups.push(() => cluster.stop());
  process.env.SANKOFA_TEST_PG_URL = cluster.url;
  return `throw-away cluster on 127.0.0.1:${cluster.port} (${bin})`;
}

function provisionChromium() {
  if (process.env.SANKOFA_TEST_BROWSER === '0') {
    skipped.push('browser suites: SANKOFA_TEST_BROWSER=0');
    return undefined;
  }
  const candidates = [
    process.env.SANKOFA_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) {
    skipped.push(
      'browser suites: no Chromium at /usr/bin/chromium (apt-get install chromium, or set SANKOFA_CHROMIUM)',
    );
    return undefined;
  }
  process.env.SANKOFA_CHROMIUM = found;
  // The browser tests use the built web app.
  const build = spawnSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) {
    throw new Error('web build failed');
  }
  return found;
}

async function main() {
  const pg = await provisionPostgres();
  const chromium = provisionChromium();
  console.log(`PostgreSQL: ${pg ?? 'none'}`);
  console.log(`Chromium:   ${chromium ?? 'none'}`);
  if (skipped.length > 0) {
    console.log(`Skipping:\n  - ${skipped.join('\n  - ')}`);
    if (ci) {
      console.log('CI=true: nothing may be skipped.');
      return 1;
    }
  }
  const report = join(mkdtempSync(join(tmpdir(), 'sankofa-vitest-')), 'report.json');
  const vitest = spawn(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...extraArgs,
    ],
    { stdio: 'inherit', env: process.env },
  );
  const code = await new Promise((resolve) =>
    vitest.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))),
  );
  const {
    passed,
    failed,
    skipped: pending,
  } = countReport(existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : null, code);
  console.log(`\n${passed} passed, ${failed} failed${pending > 0 ? `, ${pending} skipped` : ''}`);
  if (skipped.length > 0) {
    console.log(`Skipped suites: ${skipped.join('; ')}`);
  }
  return code !== 0 || failed > 0 ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`npm test: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
} finally {
  for (const cleanup of cleanups.reverse()) {
    cleanup();
  }
}
process.exit(exitCode);
