/**
 * Demo accounts, one per level, with simple printed passwords (demo data only). The district
 * manager and the facility in-charge work in the outbreak district, which is also an
 * intervention district: their first review has both a success to learn from (ANC4 rose after
 * their intervention) and a new alarm to act on (malaria). The regional manager covers the
 * region with the slow Penta3 decline.
 */
import type { Hierarchy } from './hierarchy.ts';
import type { Scenario } from './scenario.ts';
import type { DemoUser } from './types.ts';

/** The demo accounts. */
export function buildDemoUsers(hierarchy: Hierarchy, scenario: Scenario): DemoUser[] {
  const country = hierarchy.country;
  const district = hierarchy.districts[scenario.outbreak.districtIndex];
  const inDistrict = district.facilityIndexes.map((i) => hierarchy.facilities[i]);
  const facility = inDistrict.find((f) => f.kind === 'health_centre') ?? inDistrict[0];
  const region = hierarchy.regions[scenario.decline.regionIndex].unit;
  return [
    {
      email: 'admin@sankofa.example',
      name: 'Demo administrator',
      password: 'sankofa-admin-2026',
      role: 'admin',
      orgUnitIds: [country.id],
    },
    {
      email: 'national.manager@sankofa.example',
      name: 'National programme manager (demo)',
      password: 'sankofa-national-2026',
      role: 'manager',
      orgUnitIds: [country.id],
    },
    {
      email: 'region.manager@sankofa.example',
      name: `Regional health manager, ${region.name} (demo)`,
      password: 'sankofa-region-2026',
      role: 'manager',
      orgUnitIds: [region.id],
    },
    {
      email: 'district.manager@sankofa.example',
      name: `District health manager, ${district.unit.name} (demo)`,
      password: 'sankofa-district-2026',
      role: 'manager',
      orgUnitIds: [district.unit.id],
    },
    {
      email: 'facility.incharge@sankofa.example',
      name: `In-charge, ${facility.unit.name} (demo)`,
      password: 'sankofa-facility-2026',
      role: 'contributor',
      orgUnitIds: [facility.unit.id],
    },
    {
      email: 'viewer@sankofa.example',
      name: 'Partner researcher (demo)',
      password: 'sankofa-viewer-2026',
      role: 'viewer',
      orgUnitIds: [country.id],
    },
  ];
}
