/** The app's routes. Pages load lazily, so the first load carries only the shell. */
import { createBrowserRouter } from 'react-router';
import { AuthGate } from './auth/AuthGate.tsx';
import { PageLoader } from './components/PageLoader.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RouteErrorPage } from './pages/RouteErrorPage.tsx';

export const router = createBrowserRouter([
  {
    HydrateFallback: PageLoader,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        path: '/login',
        lazy: () => import('./pages/LoginPage.tsx').then((m) => ({ Component: m.LoginPage })),
      },
      {
        Component: AuthGate,
        children: [
          {
            index: true,
            lazy: () =>
              import('./pages/DashboardPage.tsx').then((m) => ({ Component: m.DashboardPage })),
          },
          {
            path: 'indicators/:indicatorId',
            lazy: () =>
              import('./pages/IndicatorPage.tsx').then((m) => ({ Component: m.IndicatorPage })),
          },
          {
            path: 'signals',
            lazy: () =>
              import('./signals/SignalsPage.tsx').then((m) => ({ Component: m.SignalsPage })),
          },
          {
            path: 'import',
            lazy: () =>
              import('./imports/ImportPage.tsx').then((m) => ({ Component: m.ImportPage })),
          },
          {
            path: 'dhis2',
            lazy: () => import('./dhis2/Dhis2Page.tsx').then((m) => ({ Component: m.Dhis2Page })),
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
