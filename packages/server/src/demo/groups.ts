/**
 * Org unit groups of the demo: facility types, the intervention and comparison districts of the
 * planted improvement, and the facilities a partner supports (those of the intervention
 * districts, where the partner ran the intervention).
 */
import type { FacilityKind, Hierarchy } from './hierarchy.ts';
import type { Scenario } from './scenario.ts';
import type { DemoGroup } from './types.ts';
import type { UidRegistry } from './uid.ts';

/** Builds the demo's org unit groups. */
export function buildGroups(
  uids: UidRegistry,
  hierarchy: Hierarchy,
  scenario: Scenario,
): DemoGroup[] {
  const group = (code: string, name: string, orgUnitIds: string[]): DemoGroup => ({
    id: uids.uid(`orgUnitGroup:${code}`),
    code,
    name,
    orgUnitIds,
  });
  const ofKind = (kind: FacilityKind) =>
    hierarchy.facilities.filter((f) => f.kind === kind).map((f) => f.unit.id);
  const { interventionDistricts, comparisonDistricts } = scenario.improvement;
  const districtIds = (list: number[]) => list.map((i) => hierarchy.districts[i].unit.id);
  const supported = interventionDistricts.flatMap((d) =>
    hierarchy.districts[d].facilityIndexes.map((i) => hierarchy.facilities[i].unit.id),
  );
  return [
    group('OUG_HOSPITALS', 'Hospitals', ofKind('hospital')),
    group('OUG_HEALTH_CENTRES', 'Health centres', ofKind('health_centre')),
    group('OUG_HEALTH_POSTS', 'Health posts', ofKind('health_post')),
    group(
      'OUG_INTERVENTION_DISTRICTS',
      'Intervention districts (ANC follow-up)',
      districtIds(interventionDistricts),
    ),
    group(
      'OUG_COMPARISON_DISTRICTS',
      'Comparison districts (ANC follow-up)',
      districtIds(comparisonDistricts),
    ),
    group('OUG_PARTNER_SUPPORTED', 'Partner-supported facilities', supported),
  ];
}
