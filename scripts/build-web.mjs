#!/usr/bin/env node
/**
 * Builds the web app when its sources changed since the last build (or it was never built), so
 * `npm start` serves a current app without a manual step and without rebuilding every time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const web = 'packages/web';
const stamp = join(web, 'dist', 'index.html');

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) {
    return info.mtimeMs;
  }
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const inputs = [
  join(web, 'src'),
  join(web, 'index.html'),
  join(web, 'vite.config.ts'),
  'packages/core/src',
].filter(existsSync);
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (built > 0 && Math.max(...inputs.map(newest)) <= built && process.argv[2] !== '--force') {
  process.exit(0);
}
console.log('Building the web app…');
const result = spawnSync(
  process.execPath,
  [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: web,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
