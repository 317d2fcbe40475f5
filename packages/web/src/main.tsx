/** Starts the app: language first (so the first paint is in it), then React. */
import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/query-client.ts';
import { App } from './App.tsx';
import { followAccountLocale } from './i18n/follow-account-locale.ts';
import { initI18n, readStoredLocale } from './i18n/i18n.ts';
import { pickInitialLocale } from './i18n/locales.ts';

async function start(): Promise<void> {
  await initI18n(pickInitialLocale(readStoredLocale(), navigator.languages));
  const queryClient = createQueryClient();
  followAccountLocale(queryClient);
  const root = document.getElementById('root');
  if (root === null) {
    throw new Error('index.html has no #root element');
  }
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}

void start();
