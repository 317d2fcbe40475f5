/**
 * A throw-away PostgreSQL cluster on loopback, from Debian's binaries in /usr/lib/postgresql,
 * for the tests (`npm test`) and the benchmarks (`npm run bench`). As root, the cluster runs
 * as the `postgres` user because initdb refuses to run as root.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`,
    );
  }
  return result.stdout;
}

/** The newest PostgreSQL bin directory under /usr/lib/postgresql, or undefined. */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) {
    return undefined;
  }
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : undefined;
}

/**
 * Starts a cluster with trust authentication on a free port.
 *
 * @param {{ bin: string, durable?: boolean }} options - `durable: false` (the tests) turns
 *   fsync, synchronous commit and full-page writes off; benchmarks keep PostgreSQL's defaults.
 * @returns {Promise<{ url: string, port: number, stop: () => void }>}
 */
export async function startPostgresCluster({ bin, durable = false }) {
  const asRoot = process.getuid?.() === 0;
  const data = mkdtempSync(join(tmpdir(), 'sankofa-pgdata-'));
  const socket = mkdtempSync(join(tmpdir(), 'sankofa-pgsock-'));
  const as = (args) =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0], args.slice(1)];
  if (asRoot) {
    const uid = Number(run('id', ['-u', 'postgres']).trim());
    const gid = Number(run('id', ['-g', 'postgres']).trim());
    chownSync(data, uid, gid);
    chownSync(socket, uid, gid);
  }
  const port = await freePort();
  run(
    ...as([
      join(bin, 'initdb'),
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]),
  );
  const fast = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  run(
    ...as([
      join(bin, 'pg_ctl'),
      '-D',
      data,
      '-l',
      join(data, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${socket} -c max_connections=200${fast}`,
      'start',
    ]),
  );
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      spawnSync(...as([join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop']), {
        stdio: 'ignore',
      });
      rmSync(data, { recursive: true, force: true });
      rmSync(socket, { recursive: true, force: true });
    },
  };
}
