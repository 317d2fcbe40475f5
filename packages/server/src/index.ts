/** What the server package offers the CLI and benchmarks. */
export { buildApp, type App, type AppOptions } from './app.ts';
export { loadConfig, type ServerConfig } from './config.ts';
export {
  openDatabase,
  parseDatabaseUrl,
  DEFAULT_DATABASE_URL,
  type DialectAdapter,
  type DialectName,
} from './db/database.ts';
export { migrateToLatest } from './db/migrate.ts';
export type { Database } from './db/schema.ts';
export { ApiError } from './errors.ts';
export { createUser, type CreateUserInput } from './services/create-user.ts';
export { VERSION } from './version.ts';
export { generateDemoCountry, type DemoCountry, type DemoOptions } from './demo/index.ts';
export {
  isDatabaseEmpty,
  loadDemoCountry,
  readDemoOptions,
  type LoadDemoResult,
} from './services/load-demo.ts';
export { resetDatabase } from './services/reset-database.ts';
