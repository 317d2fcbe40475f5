/**
 * Imports a DHIS2 `/api/metadata` document: org units (with their hierarchy and closure), org
 * unit groups, the category model, data elements and groups, data sets, indicator types,
 * indicators and constants. Objects are upserted by id. Every object created or changed gets
 * its own audit event, and the import one summary event (audit-changes.ts); importing the same
 * file twice changes nothing — not even `updated_at` — and records no audit event at all. The
 * import is atomic: all checks run first, inside one transaction, and any error leaves the
 * database exactly as it was; a dry run writes everything, reports, and rolls back.
 *
 * Reference: DHIS2 Developer Manual, Web API › Metadata › "Metadata import" (dhis2-docs
 * `src/developer/web-api/metadata.md`): Sankofa behaves as DHIS2's `importStrategy=
 * CREATE_AND_UPDATE`, `atomicMode=ALL`, `identifier=UID`, with `importMode=VALIDATE` as dry run.
 */
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../ids.ts';
import { auditMetadataChanges } from './audit-changes.ts';
import { checkReferences, checkUniqueColumns, routeOptionCombos } from './check-references.ts';
import { checkDimensionTypes } from './check-dimension-types.ts';
import { checkOptionCombos } from './check-option-combos.ts';
import { LinkChangeLog } from './link-change-log.ts';
import { addMissingDefaults } from './default-objects.ts';
import type { Dhis2Metadata } from './dhis2-metadata.ts';
import { ReportBuilder, type MetadataImportReport } from './metadata-import-report.ts';
import { emptyMetadataInput } from './metadata-objects.ts';
import { parseDhis2Metadata } from './parse-dhis2-metadata.ts';
import { planHierarchy } from './plan-hierarchy.ts';
import { loadStoredMetadata } from './stored-metadata.ts';
import { writeCategoryModel } from './write-categories.ts';
import { writeDataElements, writeDataSets } from './write-data-sets.ts';
import { checkIndicators, writeIndicators } from './write-indicators.ts';
import { writeOrgUnitGroups, writeOrgUnits } from './write-org-units.ts';

/** Who imports, for the audit trail. */
export interface MetadataImportActor {
  /** The user, or null for the system (e.g. the CLI without a user). */
  readonly userId: string | null;
  /** How the actor appears without a user (`cli`, `dhis2-sync`), or the user's email. */
  readonly actor: string;
  readonly requestId?: string;
}

export interface MetadataImportOptions {
  /** Check and count everything, then roll back (default false). */
  readonly dryRun?: boolean;
  readonly actor: MetadataImportActor;
}

/** Thrown inside the transaction to roll it back on purpose (errors found, or a dry run). */
class RollBack extends Error {}

/**
 * Reads a DHIS2 metadata JSON file. Text that is not JSON is reported, not thrown.
 *
 * @throws the file system's error when the file cannot be read
 */
export async function readMetadataFile(path: string, report: ReportBuilder): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    report.error({
      objectType: 'metadata',
      id: path,
      field: '',
      code: 'invalid_json',
      message: `${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
    return undefined;
  }
}

/**
 * Imports DHIS2 metadata into Sankofa.
 *
 * @param source - a parsed `/api/metadata` document, or the path of a JSON file holding one
 * @returns per object type how many were created, updated, unchanged or in error, with every
 *   error and warning; `committed` says whether anything was written
 * @throws when the file cannot be read, or the database fails
 * @example
 *   const report = await importMetadata(db, 'metadata.json', { actor: { userId: null, actor: 'cli' } });
 */
export async function importMetadata(
  db: Kysely<Database>,
  source: Dhis2Metadata | string,
  options: MetadataImportOptions,
): Promise<MetadataImportReport> {
  const report = new ReportBuilder();
  const dryRun = options.dryRun ?? false;
  const document = typeof source === 'string' ? await readMetadataFile(source, report) : source;
  const input =
    document === undefined ? emptyMetadataInput() : parseDhis2Metadata(document, report);
  const now = nowIso();
  try {
    await db.transaction().execute(async (trx) => {
      const stored = await loadStoredMetadata(trx);
      addMissingDefaults(input, stored, report);
      checkReferences(input, stored, report);
      checkDimensionTypes(input, stored, report);
      await checkOptionCombos(trx, input, stored, report);
      const routes = routeOptionCombos(input, stored, report);
      checkUniqueColumns(input, stored, routes, report);
      const hierarchy = planHierarchy(input, stored, report);
      const indicators = checkIndicators(input, stored, report);
      if (report.errors.length > 0) {
        throw new RollBack();
      }

      const ctx = { db: trx, input, stored, report, now, linkLog: new LinkChangeLog() };
      await writeCategoryModel(ctx, routes);
      await writeOrgUnits(ctx, hierarchy);
      await writeOrgUnitGroups(ctx);
      await writeDataElements(ctx);
      await writeDataSets(ctx);
      await writeIndicators(ctx, indicators);
      if (dryRun) {
        throw new RollBack();
      }
      await auditMetadataChanges(trx, { stored, links: ctx.linkLog }, options.actor, report.counts);
    });
  } catch (error) {
    if (!(error instanceof RollBack)) {
      throw error;
    }
  }
  if (report.errors.length > 0) {
    report.clearWrites();
  }
  return report.build(dryRun);
}
