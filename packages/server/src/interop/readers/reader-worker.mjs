// The entry of a reader worker thread (threaded-reader.ts): load TypeScript through tsx in this
// thread, whatever the parent loaded it with (tsx in `npm start`, Vite in the tests), then run
// the reader. saxes loads before tsx's hooks are in place, where it loads faster.
import { register } from 'tsx/esm/api';

await import('saxes').catch(() => undefined);
register();
await import('./reader-worker.ts');
