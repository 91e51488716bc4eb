import { RegionLevel } from '@yizhan/contracts';
import { RegionEntity } from './region.entity';
import { buildRegionTree } from './region-tree';

let sequence = 0;
function buildRegion(
  overrides: Partial<RegionEntity> & { code: string; level: RegionLevel },
): RegionEntity {
  sequence += 1;
  return Object.assign(new RegionEntity(), {
    id: `region-${sequence}`,
    name: `Region ${overrides.code}`,
    parentId: null,
    path: '/',
    timeZone: 'Asia/Shanghai',
    ...overrides,
  });
}

describe(buildRegionTree.name, () => {
  it('nests children under their parents with cities as roots, siblings by code', () => {
    const city = buildRegion({ code: '430100', level: 'city' });
    const district = buildRegion({ code: '430181', level: 'district', parentId: city.id });
    const streetB = buildRegion({ code: '430181002', level: 'street', parentId: district.id });
    const streetA = buildRegion({ code: '430181001', level: 'street', parentId: district.id });
    const otherCity = buildRegion({ code: '420100', level: 'city' });

    const tree = buildRegionTree([streetB, city, streetA, district, otherCity]);

    expect(tree.map((node) => node.code)).toEqual(['420100', '430100']);
    const [districtNode] = tree[1].children;
    expect(districtNode.code).toBe('430181');
    expect(districtNode.children.map((node) => node.code)).toEqual(['430181001', '430181002']);
    expect(districtNode.children[0]).toEqual({
      id: streetA.id,
      code: '430181001',
      name: streetA.name,
      level: 'street',
      parentId: district.id,
      timeZone: 'Asia/Shanghai',
      children: [],
    });
  });

  it('keeps a region whose parent is missing as a root', () => {
    const orphan = buildRegion({ code: '999', level: 'street', parentId: 'gone' });

    expect(buildRegionTree([orphan]).map((node) => node.code)).toEqual(['999']);
  });
});
