import {
  buildApp,
  isDatabaseEmpty,
  loadConfig,
  readDemoOptions,
  generateDemoCountry,
} from '@sankofa/server';
import { Command } from 'commander';
import { processIo, writeLines, type CliIo } from '../cli-io.ts';
import { databaseOption, openMigratedDatabase, parseCount } from '../database-option.ts';
import { loadDemo, printDemoLogins } from '../demo-loader.ts';

interface ServeOptions {
  port?: number;
  host?: string;
  demoIfEmpty?: boolean;
  database?: string;
}

/**
 * `sankofa serve`: migrate, optionally load the demo, and serve the API and web app. Runs until
 * SIGINT or SIGTERM, which close the server and end the process.
 */
export function serveCommand(io: CliIo = processIo()): Command {
  return new Command('serve')
    .description('serve the API and the web app (migrates the database first)')
    .option('--port <n>', 'port (default: $PORT or 3000)', parseCount('--port', 1))
    .option('--host <host>', 'address to listen on (default: $HOST or 0.0.0.0)')
    .option('--demo-if-empty', 'load the demo country when the database has no org units')
    .addOption(databaseOption())
    .action(async (options: ServeOptions) => {
      const base = loadConfig(io.env);
      const config = {
        ...base,
        port: options.port ?? base.port,
        host: options.host ?? base.host,
        databaseUrl: options.database ?? base.databaseUrl,
      };
      const adapter = await openMigratedDatabase(config.databaseUrl, io.env);
      const loadDemoNow = options.demoIfEmpty === true && (await isDatabaseEmpty(adapter.db));
      if (loadDemoNow) {
        writeLines(io.stderr, `${adapter.description} is empty: loading the demo country (once)…`);
        await loadDemo(adapter, {}, io);
      }
      const app = await buildApp({ adapter, config });
      const shutdown = async (signal: string) => {
        writeLines(io.stderr, `${signal}: shutting down`);
        await app.close();
        await adapter.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: config.port, host: config.host });
      if (loadDemoNow) {
        // The demo's data are scanned as every import is (issue #5), in the background: the
        // server answers meanwhile, and the inbox fills within seconds.
        app.signalScanner.request({ reason: 'import' });
        writeLines(io.stderr, 'Scanning the demo data for signals in the background…');
      }
      const demo = await readDemoOptions(adapter.db);
      writeLines(
        io.stdout,
        `\nSankofa is running at http://localhost:${config.port}  (API docs: http://localhost:${config.port}/api/docs)`,
        `Database: ${adapter.description}`,
      );
      if (demo !== undefined) {
        printDemoLogins(generateDemoCountry(demo), io.stdout);
      }
    });
}
