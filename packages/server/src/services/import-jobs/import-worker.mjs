// The entry of an import worker thread: load TypeScript through tsx (the server runs from its
// sources), then run the worker. Registered here, in the thread, so it works whatever the
// parent process loaded TypeScript with (tsx in `npm start`, Vite in the tests).
import { register } from 'tsx/esm/api';

// The worker's dependencies from npm, loaded before tsx's hooks are in place: through the hooks
// every one of their hundreds of files costs several times more (seconds in all). An optimisation
// only: a package that does not load here loads later, through the hooks.
await Promise.all(
  ['typebox', 'kysely', 'better-sqlite3', 'pg', 'saxes', 'ml-matrix'].map((name) =>
    import(name).catch(() => undefined),
  ),
);
register();
await import('./import-worker.ts');
