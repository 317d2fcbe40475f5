/**
 * DHIS2's built-in default category option, category, category combo and option combo. Every
 * DHIS2 instance has them, exports made with `defaults=EXCLUDE` leave them (and references to
 * them) out, and DHIS2 uses the one default option combo both as the category option combo and
 * as the attribute option combo of undisaggregated values. So the import makes sure all four
 * exist, and that the default option combo is in both combo tables.
 */
import { DHIS2_DEFAULTS } from './dhis2-metadata.ts';
import type { ReportBuilder } from './metadata-import-report.ts';
import type { MetadataInput } from './metadata-objects.ts';
import type { StoredMetadata } from './stored-metadata.ts';
import type { Row } from './table-writes.ts';

const D = DHIS2_DEFAULTS;

/** The naming columns of a stored default, or DHIS2's own (`default`, code `default`). */
function names(stored: Row | undefined): { code: string | null; name: string } {
  if (stored === undefined) {
    return { code: 'default', name: 'default' };
  }
  return { code: stored.code === null ? null : String(stored.code), name: String(stored.name) };
}

/**
 * Adds to `input` each default object that neither the file nor the database has, plus the
 * default option combo when it is missing from either combo table. Stored defaults keep their
 * names; what is added is reported as a warning.
 */
export function addMissingDefaults(
  input: MetadataInput,
  stored: StoredMetadata,
  report: ReportBuilder,
): void {
  const inFile = (list: readonly { row: { id: string } }[], id: string) =>
    list.some((o) => o.row.id === id);
  const added: string[] = [];

  if (
    !inFile(input.categoryOption, D.categoryOption) &&
    !stored.rows.categoryOption.has(D.categoryOption)
  ) {
    const row = {
      id: D.categoryOption,
      ...names(undefined),
      shortName: null,
      startDate: null,
      endDate: null,
    };
    input.categoryOption.push({ row, refs: [] });
    added.push(`categoryOption ${D.categoryOption}`);
  }
  if (!inFile(input.category, D.category) && !stored.rows.category.has(D.category)) {
    const row = {
      id: D.category,
      ...names(undefined),
      shortName: null,
      dataDimensionType: 'disaggregation' as const,
    };
    input.category.push({ row, optionIds: [D.categoryOption], refs: [] });
    added.push(`category ${D.category}`);
  }
  if (
    !inFile(input.categoryCombo, D.categoryCombo) &&
    !stored.rows.categoryCombo.has(D.categoryCombo)
  ) {
    const row = {
      id: D.categoryCombo,
      ...names(undefined),
      dataDimensionType: 'disaggregation' as const,
    };
    input.categoryCombo.push({ row, categoryIds: [D.category], refs: [] });
    added.push(`categoryCombo ${D.categoryCombo}`);
  }
  const coc = D.categoryOptionCombo;
  const inBoth = stored.categoryOptionCombos.has(coc) && stored.attributeOptionCombos.has(coc);
  if (!inFile(input.categoryOptionCombo, coc) && !inBoth) {
    const existing = stored.categoryOptionCombos.get(coc) ?? stored.attributeOptionCombos.get(coc);
    const categoryComboId =
      existing === undefined ? D.categoryCombo : String(existing.categoryComboId);
    const row = { id: coc, ...names(existing), categoryComboId };
    // Links only when the combo is new: a stored combo keeps the options it was given.
    const optionIds = existing === undefined ? [D.categoryOption] : null;
    input.categoryOptionCombo.push({ row, optionIds, refs: [] });
    added.push(`categoryOptionCombo ${coc}`);
  }
  if (added.length > 0) {
    report.warn({
      objectType: 'metadata',
      id: '',
      field: '',
      code: 'defaults_added',
      message: `Added DHIS2's default ${added.join(', ')}: every DHIS2 instance has them and the file did not include them`,
    });
  }
}
