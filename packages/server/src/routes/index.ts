import type { FastifyInstance } from 'fastify';
import { auditEventRoutes } from './audit-events/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { chartRoutes } from './charts/routes.ts';
import { completenessRoutes } from './completeness/routes.ts';
import { dataElementRoutes } from './data-elements/routes.ts';
import { dataValueSetRoutes } from './data-value-sets/routes.ts';
import { dataValueRoutes } from './data-values/routes.ts';
import { dhis2Routes } from './dhis2/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { importRoutes } from './imports/routes.ts';
import { indicatorRoutes } from './indicators/routes.ts';
import { meRoutes } from './me/routes.ts';
import { orgUnitRoutes } from './org-units/routes.ts';
import { signalRoutes } from './signals/routes.ts';
import { userRoutes } from './users/routes.ts';

/** Every API resource, registered under `/api`. */
export function registerRoutes(app: FastifyInstance): Promise<void> {
  healthRoutes(app);
  authRoutes(app);
  meRoutes(app);
  orgUnitRoutes(app);
  dataElementRoutes(app);
  indicatorRoutes(app);
  dataValueRoutes(app);
  completenessRoutes(app);
  dataValueSetRoutes(app);
  userRoutes(app);
  auditEventRoutes(app);
  void app.register(importRoutes);
  dhis2Routes(app);
  signalRoutes(app);
  chartRoutes(app);
  return Promise.resolve();
}
