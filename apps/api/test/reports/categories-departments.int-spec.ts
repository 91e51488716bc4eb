import { DepartmentView, ReportCategoryView } from '@yizhan/contracts';
import { RegionScopeService } from '../../src/modules/access/region-scope.service';
import { createRegion } from '../support/factories';
import { api } from '../support/http';
import { createReportingDistrict, newReporter, ReportingDistrict } from '../support/reports';
import { useTestApp } from '../support/test-app';

describe('Report categories and departments', () => {
  const ctx = useTestApp();
  let home: ReportingDistrict;
  let away: ReportingDistrict;

  beforeAll(async () => {
    home = await createReportingDistrict(ctx.app, '类别区', { lat: 27.9, lng: 112.9 });
    away = await createReportingDistrict(ctx.app, '远方区', { lat: 31.2, lng: 121.4 });
  });

  const categoriesAt = (token: string, query: string) =>
    api<ReportCategoryView[]>(ctx.app, { path: `/report-categories${query}`, token });

  it('lists the categories taken at a place, in sort order, with their department', async () => {
    const worker = await newReporter(ctx.app);
    const here = await categoriesAt(worker.token, `?lat=${home.origin.lat}&lng=${home.origin.lng}`);
    expect(here.status).toBe(200);
    expect(here.body.map((c) => c.code)).toEqual(['road_damage', 'fire_hazard']);
    expect(here.body[0]).toMatchObject({
      name: '道路破损',
      slaHours: 72,
      defaultDepartment: { id: home.department.id },
      active: true,
    });
    const nowhere = await categoriesAt(worker.token, '?lat=45&lng=90');
    expect(nowhere.status).toBe(422);
    expect(nowhere.body).toMatchObject({ error: { code: 'REPORT_OUTSIDE_SERVICE_AREA' } });
    const half = await categoriesAt(worker.token, '?lat=27.9');
    expect(half.status).toBe(400);
  });

  it('lets a street override its district’s category and admins manage their own only', async () => {
    const created = await api<ReportCategoryView>(ctx.app, {
      method: 'POST',
      path: '/report-categories',
      token: home.tokens.admin,
      body: {
        regionId: home.street.id,
        code: 'road_damage',
        name: '路面坑洼',
        icon: 'road',
        slaHours: 24,
        sortOrder: 5,
      },
    });
    expect(created.status).toBe(201);
    const worker = await newReporter(ctx.app);
    const here = await categoriesAt(worker.token, `?lat=${home.origin.lat}&lng=${home.origin.lng}`);
    expect(here.body.find((c) => c.code === 'road_damage')).toMatchObject({
      name: '路面坑洼',
      slaHours: 24,
    });

    const again = await api(ctx.app, {
      method: 'POST',
      path: '/report-categories',
      token: home.tokens.admin,
      body: {
        regionId: home.street.id,
        code: 'road_damage',
        name: '重复',
        icon: 'road',
        slaHours: 1,
      },
    });
    expect(again.status).toBe(409);
    const foreign = await api(ctx.app, {
      method: 'POST',
      path: '/report-categories',
      token: away.tokens.admin,
      body: { regionId: home.street.id, code: 'other', name: '其他', icon: 'other', slaHours: 1 },
    });
    expect(foreign.status).toBe(404);
    const byHandler = await api(ctx.app, {
      method: 'POST',
      path: '/report-categories',
      token: home.tokens.handler,
      body: { regionId: home.street.id, code: 'other', name: '其他', icon: 'other', slaHours: 1 },
    });
    expect(byHandler.status).toBe(403);
    const badDepartment = await api(ctx.app, {
      method: 'POST',
      path: '/report-categories',
      token: home.tokens.admin,
      body: {
        regionId: home.street.id,
        code: 'other',
        name: '其他',
        icon: 'other',
        slaHours: 1,
        defaultDepartmentId: away.department.id,
      },
    });
    expect(badDepartment.status).toBe(400);

    // Taken out of service in the street: it no longer takes the category at all (an inactive
    // override switches the inherited one off); the admin still sees it to switch it back on.
    const retired = await api<ReportCategoryView>(ctx.app, {
      method: 'PATCH',
      path: `/report-categories/${created.body.id}`,
      token: home.tokens.admin,
      body: { active: false },
    });
    expect(retired.status).toBe(200);
    const afterwards = await categoriesAt(worker.token, `?regionId=${home.street.id}`);
    expect(afterwards.body.find((c) => c.code === 'road_damage')).toBeUndefined();
    const adminView = await categoriesAt(home.tokens.admin, `?regionId=${home.street.id}`);
    expect(adminView.body.find((c) => c.code === 'road_damage')).toMatchObject({
      name: '路面坑洼',
      active: false,
    });
    const foreignPatch = await api(ctx.app, {
      method: 'PATCH',
      path: `/report-categories/${created.body.id}`,
      token: away.tokens.admin,
      body: { active: true },
    });
    expect(foreignPatch.status).toBe(404);
  });

  it('lists departments serving a region to its staff and lets admins add them', async () => {
    const community = await createRegion(ctx.dataSource, {
      level: 'community',
      parent: home.street,
    });
    ctx.app.get(RegionScopeService).invalidate(); // the tree changed behind the API's back
    const added = await api<DepartmentView>(ctx.app, {
      method: 'POST',
      path: '/departments',
      token: home.tokens.admin,
      body: { name: '社区网格站', regionId: community.id, phone: '0731-1234567' },
    });
    expect(added.status).toBe(201);
    const twice = await api(ctx.app, {
      method: 'POST',
      path: '/departments',
      token: home.tokens.admin,
      body: { name: '社区网格站', regionId: community.id },
    });
    expect(twice.status).toBe(409);

    const forStreet = await api<DepartmentView[]>(ctx.app, {
      path: `/departments?regionId=${home.street.id}`,
      token: home.tokens.handler,
    });
    expect(forStreet.status).toBe(200);
    expect(forStreet.body.map((d) => d.id).sort()).toEqual(
      [home.department.id, added.body.id].sort(),
    );
    const own = await api<DepartmentView[]>(ctx.app, {
      path: '/departments',
      token: home.tokens.handler,
    });
    expect(own.body.map((d) => d.id)).toContain(home.department.id);
    expect(own.body.map((d) => d.id)).not.toContain(away.department.id);

    const trespass = await api(ctx.app, {
      path: `/departments?regionId=${home.street.id}`,
      token: away.tokens.handler,
    });
    expect(trespass.status).toBe(404);
    const worker = await newReporter(ctx.app);
    expect((await api(ctx.app, { path: '/departments', token: worker.token })).status).toBe(403);
    const foreignAdd = await api(ctx.app, {
      method: 'POST',
      path: '/departments',
      token: away.tokens.admin,
      body: { name: '越权部门', regionId: home.district.id },
    });
    expect(foreignAdd.status).toBe(404);
  });
});
