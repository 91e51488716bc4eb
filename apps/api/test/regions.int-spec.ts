import { RegionNode } from '@yizhan/contracts';
import { RegionsController } from '../src/modules/regions/regions.controller';
import { createRegion } from './support/factories';
import { getJson, useTestApp } from './support/test-app';

describe(`${RegionsController.name} (integration)`, () => {
  const ctx = useTestApp();

  it('returns the region tree with cities as roots', async () => {
    const city = await createRegion(ctx.dataSource, {
      code: '430100',
      name: '长沙市',
      level: 'city',
    });
    const district = await createRegion(ctx.dataSource, {
      code: '430181',
      name: '浏阳市',
      level: 'district',
      parent: city,
    });
    await createRegion(ctx.dataSource, { code: '430181002', level: 'street', parent: district });
    await createRegion(ctx.dataSource, { code: '430181001', level: 'street', parent: district });
    await createRegion(ctx.dataSource, { code: '420100', name: '武汉市', level: 'city' });

    const { status, body } = await getJson<RegionNode[]>(ctx.app, '/api/v1/regions');

    expect(status).toBe(200);
    expect(body.map((node) => node.name)).toEqual(['武汉市', '长沙市']);
    const [liuyang] = body[1].children;
    expect(liuyang).toMatchObject({ code: '430181', level: 'district', parentId: city.id });
    expect(liuyang.children.map((node) => node.code)).toEqual(['430181001', '430181002']);
    expect(liuyang.children[0]).toMatchObject({ timeZone: 'Asia/Shanghai', children: [] });
  });
});
