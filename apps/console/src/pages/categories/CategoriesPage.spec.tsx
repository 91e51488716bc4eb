import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Routes, type DepartmentView, type ReportCategoryView } from '@yizhan/contracts';
import { CITY_ID, fakeAdminSession } from '../../test/region-admin-fixtures';
import { FakeApi, apiError } from '../../test/fake-api';
import { ADMIN_REGION_ID, renderPage } from '../../test/render';
import { CategoriesPage } from './CategoriesPage';

const DEPT_ID = '00000000-0000-4000-8000-0000000000d1';
const OWN_ID = '00000000-0000-4000-8000-0000000000e1';
const CITY_CAT_ID = '00000000-0000-4000-8000-0000000000e2';

const own: ReportCategoryView = {
  id: OWN_ID,
  code: 'road_damage',
  name: '道路破损',
  icon: 'road',
  slaHours: 48,
  regionId: ADMIN_REGION_ID,
  defaultDepartment: { id: DEPT_ID, name: '浏阳市城管局' },
  active: true,
  sortOrder: 1,
};
const inherited: ReportCategoryView = {
  id: CITY_CAT_ID,
  code: 'fire_risk',
  name: '消防隐患',
  icon: 'fire',
  slaHours: 4,
  regionId: CITY_ID,
  defaultDepartment: null,
  active: true,
  sortOrder: 2,
};
const departments: DepartmentView[] = [
  { id: DEPT_ID, name: '浏阳市城管局', regionId: ADMIN_REGION_ID, phone: null },
];

async function openPage() {
  renderPage(<CategoriesPage />);
  return screen.findByText('road_damage');
}

describe('report categories page', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = fakeAdminSession(new FakeApi());
    fake.on(`GET ${Routes.departments}`, { status: 200, body: departments });
    fake.install();
  });

  it("lists the region's categories with inherited ones marked and named by their region", async () => {
    fake.on(`GET ${Routes.reportCategories}`, { status: 200, body: [own, inherited] });
    await openPage();
    expect(fake.requests(`GET ${Routes.reportCategories}`)[0].query.get('regionId')).toBe(
      ADMIN_REGION_ID,
    );
    const ownRow = screen.getByText('road_damage').closest('tr')!;
    expect(within(ownRow).getByText('48 小时')).toBeTruthy();
    expect(within(ownRow).getAllByText('浏阳市城管局').length).toBeGreaterThan(0);
    expect(within(ownRow).getByText('本级')).toBeTruthy();
    expect(within(ownRow).getByRole('button', { name: '编辑' })).toBeTruthy();
    const cityRow = screen.getByText('fire_risk').closest('tr')!;
    expect(within(cityRow).getByText('长沙市')).toBeTruthy();
    expect(within(cityRow).getByText('继承上级')).toBeTruthy();
    expect(within(cityRow).getByText('消防隐患', { selector: 'td' })).toBeTruthy();
    // The city's category is not the admin's to edit, only to override.
    expect(within(cityRow).queryByRole('button', { name: '编辑' })).toBeNull();
    expect(within(cityRow).getByRole('button', { name: '在本级覆盖' })).toBeTruthy();
  });

  it('says so when the region has no categories', async () => {
    fake.on(`GET ${Routes.reportCategories}`, { status: 200, body: [] });
    renderPage(<CategoriesPage />);
    expect(await screen.findByText('该区域还没有报事类别')).toBeTruthy();
  });

  it('shows a failed load in Chinese with a retry', async () => {
    fake.on(`GET ${Routes.reportCategories}`, apiError(500, 'INTERNAL_ERROR'));
    renderPage(<CategoriesPage />);
    expect(await screen.findByText('服务出了点问题，请稍后再试')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s?试/ })).toBeTruthy();
    expect(screen.queryByText(/INTERNAL_ERROR/)).toBeNull();
  });

  it('creates a category with exactly the fields of CreateReportCategoryDto', async () => {
    fake.on(`GET ${Routes.reportCategories}`, { status: 200, body: [own] });
    fake.on(`POST ${Routes.reportCategories}`, (request) => ({
      status: 201,
      body: { ...own, id: 'new', ...(request.body as object) },
    }));
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: /新建类别/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('编码'), { target: { value: 'stray_dog' } });
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: ' 流浪犬 ' } });
    fireEvent.change(within(dialog).getByLabelText('处理时限（小时）'), {
      target: { value: '12' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(fake.requests(`POST ${Routes.reportCategories}`)).toHaveLength(1));
    expect(fake.requests(`POST ${Routes.reportCategories}`)[0].body).toEqual({
      regionId: ADMIN_REGION_ID,
      code: 'stray_dog',
      name: '流浪犬',
      icon: 'other',
      slaHours: 12,
      sortOrder: 0,
    });
    expect(await screen.findByText('已创建')).toBeTruthy();
    await waitFor(() => expect(fake.requests(`GET ${Routes.reportCategories}`).length).toBe(2));
  });

  it('refuses a bad code before sending and shows a taken code (409) on the field', async () => {
    fake.on(`GET ${Routes.reportCategories}`, { status: 200, body: [own] });
    fake.on(`POST ${Routes.reportCategories}`, apiError(409, 'CONFLICT', { field: 'code' }));
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: /新建类别/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('编码'), { target: { value: 'Road Damage' } });
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: '道路' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    expect(
      await within(dialog).findByText('编码须以小写字母开头，只含小写字母、数字和下划线，2–32 位'),
    ).toBeTruthy();
    expect(fake.requests(`POST ${Routes.reportCategories}`)).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('编码'), { target: { value: 'road_damage' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    expect((await screen.findAllByText('该区域已有相同编码的类别')).length).toBeGreaterThan(0);
    expect(screen.queryByText(/CONFLICT/)).toBeNull();
  });

  it('edits a category of the region and can clear its department', async () => {
    fake.on(`GET ${Routes.reportCategories}`, { status: 200, body: [own] });
    fake.on(`PATCH ${Routes.reportCategory(OWN_ID)}`, { status: 200, body: own });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: '编辑' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText('编码') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: '道路损坏' } });
    const clear = dialog.querySelector('.ant-select-clear')!;
    fireEvent.mouseDown(clear);
    fireEvent.click(clear);
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() =>
      expect(fake.requests(`PATCH ${Routes.reportCategory(OWN_ID)}`)).toHaveLength(1),
    );
    expect(fake.requests(`PATCH ${Routes.reportCategory(OWN_ID)}`)[0].body).toEqual({
      name: '道路损坏',
      icon: 'road',
      slaHours: 48,
      sortOrder: 1,
      defaultDepartmentId: null,
    });
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it("overrides an inherited category with the same code in the admin's region", async () => {
    fake.on(`GET ${Routes.reportCategories}`, { status: 200, body: [own, inherited] });
    fake.on(`POST ${Routes.reportCategories}`, { status: 201, body: inherited });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: '在本级覆盖' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/将在「浏阳市」新建编码为 fire_risk 的类别/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('处理时限（小时）'), { target: { value: '2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(fake.requests(`POST ${Routes.reportCategories}`)).toHaveLength(1));
    expect(fake.requests(`POST ${Routes.reportCategories}`)[0].body).toEqual({
      regionId: ADMIN_REGION_ID,
      code: 'fire_risk',
      name: '消防隐患',
      icon: 'fire',
      slaHours: 2,
      sortOrder: 2,
    });
  });

  it('asks before deactivating and shows a refusal in Chinese', async () => {
    fake.on(`GET ${Routes.reportCategories}`, { status: 200, body: [own] });
    fake.on(`PATCH ${Routes.reportCategory(OWN_ID)}`, apiError(404, 'NOT_FOUND'));
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: '停用' }));
    expect(await screen.findByText('停用「道路破损」？')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确 定' }));
    await waitFor(() =>
      expect(fake.requests(`PATCH ${Routes.reportCategory(OWN_ID)}`)).toHaveLength(1),
    );
    expect(fake.requests(`PATCH ${Routes.reportCategory(OWN_ID)}`)[0].body).toEqual({
      active: false,
    });
    expect(await screen.findByText('内容不存在，或不在你的辖区内')).toBeTruthy();
  });
});
