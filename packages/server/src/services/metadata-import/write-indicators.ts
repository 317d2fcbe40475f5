/**
 * Indicator types, indicators and constants. Indicator expressions are parsed with core's
 * parser before anything is written (an invalid one is an error naming the indicator and the
 * field); objects an expression names that are neither in the file nor stored are warnings,
 * because DHIS2 itself accepts such indicators and they simply evaluate to nothing.
 */
import type { ExpressionNode } from '@sankofa/core';
import { chooseIndicatorColumns, parseIndicatorExpressions } from './indicator-columns.ts';
import type { MetadataObjectType, ReportBuilder } from './metadata-import-report.ts';
import type { MetadataInput } from './metadata-objects.ts';
import { isStored, type StoredMetadata } from './stored-metadata.ts';
import type { Row } from './table-writes.ts';
import { writeObjects, type WriteContext } from './write-objects.ts';

/** Parsed numerator and denominator of each valid indicator, by id. */
export type ParsedIndicators = ReadonlyMap<
  string,
  { readonly numerator: ExpressionNode; readonly denominator: ExpressionNode }
>;

function* references(node: ExpressionNode): Generator<{ type: MetadataObjectType; id: string }> {
  switch (node.kind) {
    case 'dataItem':
      yield { type: 'dataElement', id: node.dataElementId };
      for (const combo of [node.categoryOptionComboId, node.attributeOptionComboId]) {
        if (combo !== null) {
          yield { type: 'categoryOptionCombo', id: combo };
        }
      }
      return;
    case 'constant':
      yield { type: 'constant', id: node.id };
      return;
    case 'orgUnitGroupCount':
      yield { type: 'organisationUnitGroup', id: node.id };
      return;
    case 'unary':
      yield* references(node.operand);
      return;
    case 'binary':
      yield* references(node.left);
      yield* references(node.right);
      return;
    case 'call':
      for (const arg of node.args) {
        yield* references(arg);
      }
      return;
    case 'number':
    case 'days':
      return;
  }
}

/** Parses every indicator's expressions and warns about objects they name that do not exist. */
export function checkIndicators(
  input: MetadataInput,
  stored: StoredMetadata,
  report: ReportBuilder,
): ParsedIndicators {
  const parsed = new Map<string, { numerator: ExpressionNode; denominator: ExpressionNode }>();
  const inFile = new Map<MetadataObjectType, Set<string>>();
  const exists = (type: MetadataObjectType, id: string) => {
    let ids = inFile.get(type);
    if (ids === undefined) {
      ids = new Set((input[type] as { row: { id: string } }[]).map((o) => o.row.id));
      inFile.set(type, ids);
    }
    return ids.has(id) || isStored(stored, type, id);
  };
  for (const indicator of input.indicator) {
    const expressions = parseIndicatorExpressions(indicator, report);
    if (expressions === null) {
      continue;
    }
    parsed.set(indicator.row.id, expressions);
    for (const field of ['numerator', 'denominator'] as const) {
      for (const ref of references(expressions[field])) {
        if (!exists(ref.type, ref.id)) {
          report.warn({
            objectType: 'indicator',
            id: indicator.row.id,
            field,
            code: 'unknown_expression_reference',
            message: `${field} of indicator "${indicator.row.id}" names ${ref.type} "${ref.id}", which is neither in the file nor in the database: it will count as missing`,
          });
        }
      }
    }
  }
  return parsed;
}

/** The factor and `number` flag of an indicator type, from the file or the database. */
function indicatorType(ctx: WriteContext, id: string): { factor: number; number: boolean } {
  const inFile = ctx.input.indicatorType.find((t) => t.row.id === id)?.row;
  const row: Row | undefined = inFile ?? ctx.stored.rows.indicatorType.get(id);
  return { factor: Number(row?.factor ?? 1), number: Number(row?.number ?? 0) === 1 };
}

const SANKOFA_COLUMNS = [
  'kind',
  'desiredDirection',
  'target',
  'defaultChartType',
  'notifiable',
  'source',
] as const;

/** Writes indicator types, indicators and constants. */
export async function writeIndicators(ctx: WriteContext, parsed: ParsedIndicators): Promise<void> {
  const { input, stored } = ctx;
  await writeObjects(
    ctx,
    'indicatorType',
    'indicatorTypes',
    input.indicatorType.map((t) => t.row),
  );
  const rows: Row[] = [];
  for (const { row } of input.indicator) {
    const expressions = parsed.get(row.id);
    const before = stored.rows.indicator.get(row.id);
    if (expressions === undefined) {
      continue;
    }
    if (before === undefined) {
      const type = indicatorType(ctx, row.indicatorTypeId);
      const { numerator, denominator } = expressions;
      rows.push({
        ...row,
        ...chooseIndicatorColumns(numerator, denominator, type.factor, type.number),
      });
    } else {
      // Sankofa's columns belong to the people using Sankofa: an import keeps them.
      rows.push({ ...row, ...Object.fromEntries(SANKOFA_COLUMNS.map((c) => [c, before[c]])) });
    }
  }
  await writeObjects(ctx, 'indicator', 'indicators', rows);
  await writeObjects(
    ctx,
    'constant',
    'constants',
    input.constant.map((c) => c.row),
  );
}
