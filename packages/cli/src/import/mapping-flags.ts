/**
 * A generic CSV column mapping from command-line flags, for a file that has no mapping file:
 * `--map dataElement=indicator_code --map period=month --map periodFormat=date
 * --map periodType=Monthly --map idSchemes.orgUnit=code --fixed attributeOptionCombo=HllvX50cXC0`.
 * The result is the JSON a mapping file would hold; flags win over the file's entries, and
 * `parseCsvMapping` validates it all.
 */

/** Flags that are not `KEY=VALUE` are reported with the flag's name. */
export class MappingFlagError extends Error {}

function split(flag: string, entry: string): [string, string] {
  const at = entry.indexOf('=');
  if (at <= 0) {
    throw new MappingFlagError(`${flag} "${entry}": expected KEY=VALUE`);
  }
  return [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
}

/**
 * @param base - the mapping file's JSON, or an empty object
 * @param map - `KEY=COLUMN` or `KEY=OPTION`; `idSchemes.FIELD=SCHEME` sets one id scheme
 * @param fixed - `FIELD=TEXT`: the same text for every row
 */
export function mappingFromFlags(
  base: Readonly<Record<string, unknown>>,
  map: readonly string[],
  fixed: readonly string[],
): Record<string, unknown> {
  const mapping: Record<string, unknown> = { ...base };
  for (const entry of map) {
    const [key, value] = split('--map', entry);
    if (key.startsWith('idSchemes.')) {
      const current = mapping.idSchemes;
      const schemes =
        typeof current === 'object' && current !== null
          ? { ...(current as Record<string, unknown>) }
          : {};
      schemes[key.slice('idSchemes.'.length)] = value;
      mapping.idSchemes = schemes;
    } else {
      mapping[key] = value;
    }
  }
  for (const entry of fixed) {
    const [key, value] = split('--fixed', entry);
    mapping[key] = { fixed: value };
  }
  return mapping;
}
