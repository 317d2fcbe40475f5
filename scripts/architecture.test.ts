/**
 * The architecture holds: core depends on no other Sankofa package and imports no I/O, and the
 * dependency direction is web → core, cli → server → core.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = (pkg: string) =>
  JSON.parse(readFileSync(join('packages', pkg, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sources(path);
    }
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('package boundaries', () => {
  it('keeps core free of Sankofa packages at run time', () => {
    const deps = Object.keys(manifest('core').dependencies ?? {});
    expect(deps.filter((d) => d.startsWith('@sankofa/'))).toEqual([]);
  });

  it('keeps core sources free of I/O imports', () => {
    const offenders = sources('packages/core/src').filter((file) =>
      /from ['"](node:|fs|path|os|http|https|net|child_process|kysely|fastify|react)['"/]/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('points dependencies one way', () => {
    expect(Object.keys(manifest('server').dependencies ?? {})).not.toContain('@sankofa/cli');
    expect(Object.keys(manifest('server').dependencies ?? {})).not.toContain('@sankofa/web');
    expect(Object.keys(manifest('web').dependencies ?? {})).not.toContain('@sankofa/server');
    const webImportsServer = sources('packages/web/src').filter((f) =>
      readFileSync(f, 'utf8').includes('@sankofa/server'),
    );
    expect(webImportsServer).toEqual([]);
  });
});
