import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Routes, type DepartmentView } from '@yizhan/contracts';
import { CITY_ID, STREET_ID, fakeAdminSession } from '../../test/region-admin-fixtures';
import { FakeApi, apiError } from '../../test/fake-api';
import { ADMIN_REGION_ID, renderPage } from '../../test/render';
import { DepartmentsPage } from './DepartmentsPage';

const departments: DepartmentView[] = [
  {
    id: '00000000-0000-4000-8000-0000000000d0',
    name: '长沙市应急管理局',
    regionId: CITY_ID,
    phone: null,
  },
  {
    id: '00000000-0000-4000-8000-0000000000d1',
    name: '浏阳市城管局',
    regionId: ADMIN_REGION_ID,
    phone: '0731-83611234',
  },
  {
    id: '00000000-0000-4000-8000-0000000000d2',
    name: '淮川街道办',
    regionId: STREET_ID,
    phone: null,
  },
];

describe('departments page', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = fakeAdminSession(new FakeApi());
    fake.install();
  });

  it("lists the departments serving the admin's region, above, at and below it", async () => {
    fake.on(`GET ${Routes.departments}`, { status: 200, body: departments });
    renderPage(<DepartmentsPage />);
    const own = (await screen.findByText('浏阳市城管局')).closest('tr')!;
    expect(fake.requests(`GET ${Routes.departments}`)[0].query.get('regionId')).toBe(
      ADMIN_REGION_ID,
    );
    expect(within(own).getByText('本级')).toBeTruthy();
    expect(within(own).getByText('0731-83611234')).toBeTruthy();
    expect(
      within(screen.getByText('长沙市应急管理局').closest('tr')!).getByText('上级'),
    ).toBeTruthy();
    expect(within(screen.getByText('淮川街道办').closest('tr')!).getByText('下级')).toBeTruthy();
  });

  it('says so when the region has no departments', async () => {
    fake.on(`GET ${Routes.departments}`, { status: 200, body: [] });
    renderPage(<DepartmentsPage />);
    expect(await screen.findByText('该区域还没有处置部门')).toBeTruthy();
  });

  it('shows a refusal to list in Chinese', async () => {
    fake.on(`GET ${Routes.departments}`, apiError(403, 'FORBIDDEN'));
    renderPage(<DepartmentsPage />);
    expect(await screen.findByText('你没有权限进行此操作')).toBeTruthy();
    expect(screen.queryByText(/FORBIDDEN/)).toBeNull();
  });

  it('creates a department with {name, regionId} and refreshes the list', async () => {
    fake.on(`GET ${Routes.departments}`, { status: 200, body: departments });
    fake.on(`POST ${Routes.departments}`, {
      status: 201,
      body: { id: 'new', name: '浏阳市交通局', regionId: ADMIN_REGION_ID, phone: null },
    });
    renderPage(<DepartmentsPage />);
    await screen.findByText('浏阳市城管局');
    fireEvent.click(screen.getByRole('button', { name: /新建部门/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('部门名称'), {
      target: { value: ' 浏阳市交通局 ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(fake.requests(`POST ${Routes.departments}`)).toHaveLength(1));
    expect(fake.requests(`POST ${Routes.departments}`)[0].body).toEqual({
      name: '浏阳市交通局',
      regionId: ADMIN_REGION_ID,
    });
    expect(await screen.findByText('已创建')).toBeTruthy();
    await waitFor(() => expect(fake.requests(`GET ${Routes.departments}`).length).toBe(2));
  });

  it('shows a duplicate name (409) in Chinese on the name field', async () => {
    fake.on(`GET ${Routes.departments}`, { status: 200, body: departments });
    fake.on(`POST ${Routes.departments}`, apiError(409, 'CONFLICT', { field: 'name' }));
    renderPage(<DepartmentsPage />);
    await screen.findByText('浏阳市城管局');
    fireEvent.click(screen.getByRole('button', { name: /新建部门/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('部门名称'), {
      target: { value: '浏阳市城管局' },
    });
    fireEvent.change(within(dialog).getByLabelText('联系电话（选填）'), {
      target: { value: 'abc' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    expect(await within(dialog).findByText(/请填写 5–32 位的电话号码/)).toBeTruthy();
    expect(fake.requests(`POST ${Routes.departments}`)).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('联系电话（选填）'), {
      target: { value: '0731-1234567' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(fake.requests(`POST ${Routes.departments}`)).toHaveLength(1));
    expect(fake.requests(`POST ${Routes.departments}`)[0].body).toEqual({
      name: '浏阳市城管局',
      regionId: ADMIN_REGION_ID,
      phone: '0731-1234567',
    });
    expect((await screen.findAllByText('该区域已有同名部门，请换一个名称')).length).toBeGreaterThan(
      0,
    );
    expect(screen.queryByText(/CONFLICT/)).toBeNull();
  });
});
