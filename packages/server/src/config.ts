/**
 * Configuration from the environment. Every setting has a default that works for
 * `npm start` on a laptop.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DATABASE_URL } from './db/database.ts';

export interface ServerConfig {
  /** `PORT`, default 3000. */
  readonly port: number;
  /** `HOST`, default `0.0.0.0` so colleagues on the office network can reach it. */
  readonly host: string;
  /** `DATABASE_URL`: `sqlite:PATH` (default `sqlite:./data/sankofa.sqlite`) or `postgres://…`. */
  readonly databaseUrl: string;
  /** Folder of the built web app, served at `/`; `SANKOFA_WEB_DIST`, default `packages/web/dist`. */
  readonly webDist: string;
  /** `SANKOFA_SECURE_COOKIES=true` behind HTTPS: cookies get the `Secure` attribute. */
  readonly secureCookies: boolean;
  /** Login attempts allowed per client address per minute (`SANKOFA_LOGIN_RATE_LIMIT`, default 10). */
  readonly loginRateLimit: number;
  /** Session lifetime without activity, in minutes (`SANKOFA_SESSION_IDLE_MINUTES`, default 720). */
  readonly sessionIdleMinutes: number;
  /** pino level (`LOG_LEVEL`, default `info`; `silent` in tests). */
  readonly logLevel: string;
}

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** Reads the configuration from `env` (default `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: integer(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    webDist: env.SANKOFA_WEB_DIST ?? resolve(repoRoot, 'packages/web/dist'),
    secureCookies: env.SANKOFA_SECURE_COOKIES === 'true',
    loginRateLimit: integer(env, 'SANKOFA_LOGIN_RATE_LIMIT', 10),
    sessionIdleMinutes: integer(env, 'SANKOFA_SESSION_IDLE_MINUTES', 720),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
