/**
 * Data value import (issue #4): generates a DHIS2 CSV and a DHIS2 JSON file of 1,000,000 data
 * values (`--scale 0.1`: 100,000) for the demo country's metadata (`--facilities`, default 250)
 * and imports them with the real readers and import engine, each import in its own process so
 * its peak memory is measured alone:
 *
 * - SQLite (a fresh copy of a file database per run): the CSV (all new), the same CSV again
 *   (all unchanged, DHIS2 counts them `ignored`), the JSON (all new);
 * - PostgreSQL, the same three runs: `--database postgres://…`, else a throw-away cluster with
 *   PostgreSQL's default durability when Debian's binaries are present, else skipped;
 * - DuckDB's `read_csv` of the same CSV into a table, for scale: a columnar bulk load with no
 *   validation, no keys and no merge — the floor of what reading that file can cost.
 *
 * Target: the 1,000,000-value CSV into SQLite in under 10 s with peak memory under 500 MB.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  generateDemoCountry,
  loadDemoCountry,
  migrateToLatest,
  openDatabase,
  type DemoCountry,
} from '@sankofa/server';
import { sql } from 'kysely';
import {
  findPostgresBin,
  startPostgresCluster,
  type PostgresCluster,
} from '../scripts/postgres-cluster.mjs';
import type { BenchOptions } from './bench-support.ts';

interface RunResult {
  readonly seconds: number;
  readonly values: number;
  readonly format: string;
  readonly status: string;
  readonly importCount: Record<string, number>;
  readonly conflicts: number;
  readonly peakRssMb: number;
  readonly cpuSeconds: number;
}

/** One value the generator writes. */
interface GeneratedValue {
  readonly dataElement: string;
  readonly period: string;
  readonly orgUnit: string;
  readonly coc: string;
  readonly value: string;
}

/** `total` values: every facility × default-combo data element × month from 1980-01. */
function* generatedValues(country: DemoCountry, total: number): Iterable<GeneratedValue> {
  const defaults = new Set(
    country.categoryCombos.filter((c) => c.options.length === 1).map((c) => c.id),
  );
  const elements = country.dataElements.filter((d) => defaults.has(d.categoryComboId));
  const units = country.orgUnits.filter((u) => u.level === 4);
  const coc = country.defaultCategoryOptionComboId;
  let n = 0;
  for (let month = 0; ; month++) {
    const period = `${1980 + Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}`;
    for (const unit of units) {
      for (const element of elements) {
        if (n >= total) {
          return;
        }
        n += 1;
        yield { dataElement: element.id, period, orgUnit: unit.id, coc, value: String(n % 997) };
      }
    }
  }
}

/** Writes `lines` to `path` in large chunks. */
async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer: string[] = [];
  for (const line of lines) {
    buffer.push(line);
    if (buffer.length >= 20_000) {
      if (!out.write(buffer.join(''))) {
        await once(out, 'drain');
      }
      buffer = [];
    }
  }
  out.end(buffer.join(''));
  await once(out, 'finish');
}

function* csvLines(values: Iterable<GeneratedValue>): Iterable<string> {
  yield 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup\n';
  for (const v of values) {
    yield `${v.dataElement},${v.period},${v.orgUnit},${v.coc},${v.coc},${v.value},bench,,,false\n`;
  }
}

function* jsonLines(values: Iterable<GeneratedValue>): Iterable<string> {
  yield '{"dataValues":[\n';
  let first = true;
  for (const v of values) {
    yield `${first ? '' : ',\n'}{"dataElement":"${v.dataElement}","period":"${v.period}","orgUnit":"${v.orgUnit}","categoryOptionCombo":"${v.coc}","attributeOptionCombo":"${v.coc}","value":"${v.value}"}`;
    first = false;
  }
  yield '\n]}\n';
}

/** The demo country whose metadata the generated files use. */
export function benchCountry(facilities: number): DemoCountry {
  return generateDemoCountry({ seed: 1, facilities, months: 12, endPeriod: '202001' });
}

/** Writes `values.csv` and `values.json` of `total` values into `dir`. */
export async function writeBenchFiles(
  dir: string,
  country: DemoCountry,
  total: number,
): Promise<{ csv: string; json: string }> {
  const csv = join(dir, 'values.csv');
  const json = join(dir, 'values.json');
  await writeLines(csv, csvLines(generatedValues(country, total)));
  await writeLines(json, jsonLines(generatedValues(country, total)));
  return { csv, json };
}

/** Runs bench/import-file.ts in a child process. */
function importInChild(url: string, file: string): RunResult {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, 'import-file.ts'), url, file],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (child.status !== 0) {
    throw new Error(`import of ${file} failed (${child.status}): ${child.stderr}`);
  }
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as RunResult;
}

function report(engine: string, label: string, r: RunResult): void {
  const counts = Object.entries(r.importCount)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(
    `${engine.padEnd(10)} ${label.padEnd(26)} ${r.values} values in ${r.seconds.toFixed(2).padStart(6)} s  ${String(Math.round(r.values / r.seconds)).padStart(7)} values/s  peak RSS ${String(r.peakRssMb).padStart(4)} MB  cpu ${r.cpuSeconds.toFixed(1)} s  ${r.status} (${counts}${r.conflicts > 0 ? `, ${r.conflicts} conflicts` : ''})`,
  );
}

export async function prepare(url: string, country: DemoCountry): Promise<void> {
  const adapter = openDatabase(url);
  try {
    await migrateToLatest(adapter);
    await loadDemoCountry(adapter, country);
  } finally {
    await adapter.close();
  }
}

/** A fresh database per run: a copy of the template file, or a PostgreSQL clone. */
interface Target {
  readonly engine: string;
  fresh(name: string): Promise<string>;
}

function sqliteTarget(dir: string, template: string): Target {
  return {
    engine: 'SQLite',
    fresh(name) {
      const path = join(dir, `${name}.sqlite`);
      copyFileSync(template, path);
      return Promise.resolve(`sqlite:${path}`);
    },
  };
}

function postgresTarget(adminUrl: string): Target {
  return {
    engine: 'PostgreSQL',
    async fresh(name) {
      const admin = openDatabase(adminUrl);
      try {
        await sql.raw(`DROP DATABASE IF EXISTS bench_${name}`).execute(admin.db);
        await sql.raw(`CREATE DATABASE bench_${name} TEMPLATE bench_template`).execute(admin.db);
      } finally {
        await admin.close();
      }
      const url = new URL(adminUrl);
      url.pathname = `/bench_${name}`;
      return url.toString();
    },
  };
}

async function runTarget(target: Target, csv: string, json: string): Promise<void> {
  const csvUrl = await target.fresh('csv');
  report(target.engine, 'DHIS2 CSV, all new', importInChild(csvUrl, csv));
  report(target.engine, 'same CSV again, unchanged', importInChild(csvUrl, csv));
  const jsonUrl = await target.fresh('json');
  report(target.engine, 'DHIS2 JSON, all new', importInChild(jsonUrl, json));
}

async function duckdbReadCsv(dir: string, csv: string, total: number): Promise<void> {
  const instance = await DuckDBInstance.create(join(dir, 'bench.duckdb'));
  const connection = await instance.connect();
  try {
    const started = performance.now();
    await connection.run(
      `CREATE TABLE data_values AS SELECT * FROM read_csv('${csv.replaceAll("'", "''")}', header = true)`,
    );
    const seconds = (performance.now() - started) / 1000;
    const rows = await connection.runAndReadAll('SELECT COUNT(*) FROM data_values');
    const count = Number(rows.getRows()[0]?.[0]);
    if (count !== total) {
      throw new Error(`DuckDB read ${count} rows, expected ${total}`);
    }
    console.log(
      `${'DuckDB'.padEnd(10)} ${'read_csv into a table'.padEnd(26)} ${count} values in ${seconds.toFixed(2).padStart(6)} s  ${String(Math.round(count / seconds)).padStart(7)} values/s`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export async function run(options: BenchOptions): Promise<void> {
  const facilities = options.facilities ?? 250;
  const total = Math.round(1_000_000 * (options.scale ?? 1));
  const dir = mkdtempSync(join(tmpdir(), 'sankofa-bench-import-'));
  let cluster: PostgresCluster | undefined;
  try {
    const country = benchCountry(facilities);
    const { csv, json } = await writeBenchFiles(dir, country, total);
    const mb = (path: string) => (statSync(path).size / 1e6).toFixed(0);
    console.log(
      `files: ${total} values; DHIS2 CSV ${mb(csv)} MB, DHIS2 JSON ${mb(json)} MB; demo metadata with ${facilities} facilities`,
    );

    const template = join(dir, 'template.sqlite');
    await prepare(`sqlite:${template}`, country);
    await runTarget(sqliteTarget(dir, template), csv, json);

    let postgresUrl = options.database?.startsWith('postgres') ? options.database : undefined;
    if (postgresUrl === undefined) {
      const bin = findPostgresBin();
      if (bin !== undefined) {
        cluster = await startPostgresCluster({ bin, durable: true });
        postgresUrl = cluster.url;
      }
    }
    if (postgresUrl === undefined) {
      console.log('PostgreSQL: skipped (no --database postgres://… and no Debian binaries)');
    } else {
      const admin = openDatabase(postgresUrl);
      try {
        await sql.raw('DROP DATABASE IF EXISTS bench_template').execute(admin.db);
        await sql.raw('CREATE DATABASE bench_template').execute(admin.db);
      } finally {
        await admin.close();
      }
      const templateUrl = new URL(postgresUrl);
      templateUrl.pathname = '/bench_template';
      await prepare(templateUrl.toString(), country);
      await runTarget(postgresTarget(postgresUrl), csv, json);
    }

    await duckdbReadCsv(dir, csv, total);
  } finally {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
