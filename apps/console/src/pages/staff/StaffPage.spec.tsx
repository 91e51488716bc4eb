import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Routes, type StaffAccount } from '@yizhan/contracts';
import { fakeAdminSession } from '../../test/region-admin-fixtures';
import { FakeApi, apiError } from '../../test/fake-api';
import { ADMIN_REGION_ID, renderPage } from '../../test/render';
import { StaffPage } from './StaffPage';

const STATION_ID = '00000000-0000-4000-8000-0000000005a1';
const MERCHANT_ID = '00000000-0000-4000-8000-0000000003e1';

const account = (over: Partial<StaffAccount>): StaffAccount => ({
  id: '00000000-0000-4000-8000-0000000000f1',
  username: 'handler@liuyang',
  nickname: '王路长',
  role: 'handler',
  regionId: ADMIN_REGION_ID,
  stationId: null,
  merchantId: null,
  createdAt: '2026-11-24T02:05:00.000Z',
  ...over,
});

const page1 = {
  items: [
    account({}),
    account({
      id: '00000000-0000-4000-8000-0000000000f2',
      username: 'merchant_staff@liuyang',
      nickname: null,
      role: 'merchant_staff',
      merchantId: MERCHANT_ID,
    }),
  ],
  nextCursor: 'cursor-2',
};
const page2 = {
  items: [
    account({
      id: '00000000-0000-4000-8000-0000000000f3',
      username: 'station_manager@liuyang',
      role: 'station_manager',
      stationId: STATION_ID,
    }),
  ],
  nextCursor: null,
};

async function chooseRole(dialog: HTMLElement, label: string) {
  fireEvent.mouseDown(within(dialog).getByLabelText('角色'));
  fireEvent.click(await screen.findByTitle(label));
}

describe('staff accounts page', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = fakeAdminSession(new FakeApi());
    fake.on(`GET ${Routes.stations}`, {
      status: 200,
      body: {
        items: [{ id: STATION_ID, name: '才常广场红色驿站', regionId: ADMIN_REGION_ID }],
        nextCursor: null,
      },
    });
    fake.on(`GET ${Routes.merchants}`, {
      status: 200,
      body: {
        items: [{ id: MERCHANT_ID, name: '浏阳蒸菜馆', regionId: ADMIN_REGION_ID }],
        nextCursor: null,
      },
    });
    fake.install();
  });

  it('lists accounts with roles and scopes in Chinese, and loads the next page by cursor', async () => {
    fake.on(`GET ${Routes.staff}`, { status: 200, body: page1 });
    fake.on(`GET ${Routes.staff}`, { status: 200, body: page2 });
    renderPage(<StaffPage />);
    const handler = (await screen.findByText('handler@liuyang')).closest('tr')!;
    expect(within(handler).getByText('路长（处置人员）')).toBeTruthy();
    expect(within(handler).getByText('区域：浏阳市')).toBeTruthy();
    expect(within(handler).getByText('2026-11-24 10:05')).toBeTruthy();
    expect(await screen.findByText('商户：浏阳蒸菜馆')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /加载更多/ }));
    expect(await screen.findByText('驿站：才常广场红色驿站')).toBeTruthy();
    expect(fake.requests(`GET ${Routes.staff}`)[1].query.get('cursor')).toBe('cursor-2');
    expect(screen.queryByRole('button', { name: /加载更多/ })).toBeNull();
  });

  it('says so when there are no accounts', async () => {
    fake.on(`GET ${Routes.staff}`, { status: 200, body: { items: [], nextCursor: null } });
    renderPage(<StaffPage />);
    expect(await screen.findByText('还没有工作人员账号')).toBeTruthy();
  });

  it('shows a refusal in Chinese', async () => {
    fake.on(`GET ${Routes.staff}`, apiError(403, 'FORBIDDEN'));
    renderPage(<StaffPage />);
    expect(await screen.findByText('你没有权限进行此操作')).toBeTruthy();
  });

  it('creates a station manager with the station as its only scope', async () => {
    fake.on(`GET ${Routes.staff}`, { status: 200, body: page2 });
    fake.on(`POST ${Routes.staff}`, { status: 201, body: page2.items[0] });
    renderPage(<StaffPage />);
    await screen.findByText('station_manager@liuyang');
    fireEvent.click(screen.getByRole('button', { name: /新建账号/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: 'zhan.zhang' } });
    fireEvent.change(within(dialog).getByLabelText('初始密码'), { target: { value: 'short' } });
    fireEvent.change(within(dialog).getByLabelText('再次输入密码'), { target: { value: 'short' } });
    await chooseRole(dialog, '站长');
    fireEvent.mouseDown(await within(dialog).findByLabelText('所属驿站'));
    fireEvent.click(await screen.findByTitle('才常广场红色驿站'));
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    expect(await within(dialog).findByText('密码须为 10–128 位')).toBeTruthy();
    expect(fake.requests(`POST ${Routes.staff}`)).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('初始密码'), {
      target: { value: 'zhan-2026-pass' },
    });
    fireEvent.change(within(dialog).getByLabelText('再次输入密码'), {
      target: { value: 'zhan-2026-pass' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(fake.requests(`POST ${Routes.staff}`)).toHaveLength(1));
    expect(fake.requests(`POST ${Routes.staff}`)[0].body).toEqual({
      username: 'zhan.zhang',
      password: 'zhan-2026-pass',
      role: 'station_manager',
      stationId: STATION_ID,
    });
    expect(await screen.findByText('已创建')).toBeTruthy();
  });

  it('shows a taken username in Chinese on its field', async () => {
    fake.on(`GET ${Routes.staff}`, { status: 200, body: page2 });
    fake.on(`POST ${Routes.staff}`, apiError(409, 'USERNAME_TAKEN'));
    renderPage(<StaffPage />);
    await screen.findByText('station_manager@liuyang');
    fireEvent.click(screen.getByRole('button', { name: /新建账号/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('用户名'), {
      target: { value: 'handler@liuyang' },
    });
    fireEvent.change(within(dialog).getByLabelText('初始密码'), {
      target: { value: 'a-long-password' },
    });
    fireEvent.change(within(dialog).getByLabelText('再次输入密码'), {
      target: { value: 'a-long-password' },
    });
    fireEvent.change(within(dialog).getByLabelText('姓名 / 昵称（选填）'), {
      target: { value: '李四' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(fake.requests(`POST ${Routes.staff}`)).toHaveLength(1));
    expect(fake.requests(`POST ${Routes.staff}`)[0].body).toEqual({
      username: 'handler@liuyang',
      password: 'a-long-password',
      role: 'handler',
      regionId: ADMIN_REGION_ID,
      nickname: '李四',
    });
    expect((await screen.findAllByText('该用户名已被使用，请换一个')).length).toBeGreaterThan(0);
    expect(screen.queryByText(/USERNAME_TAKEN/)).toBeNull();
  });

  it('asks before creating a district admin', async () => {
    fake.on(`GET ${Routes.staff}`, { status: 200, body: page2 });
    fake.on(`POST ${Routes.staff}`, { status: 201, body: page2.items[0] });
    renderPage(<StaffPage />);
    await screen.findByText('station_manager@liuyang');
    fireEvent.click(screen.getByRole('button', { name: /新建账号/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('用户名'), {
      target: { value: 'admin2@liuyang' },
    });
    fireEvent.change(within(dialog).getByLabelText('初始密码'), {
      target: { value: 'a-long-password' },
    });
    fireEvent.change(within(dialog).getByLabelText('再次输入密码'), {
      target: { value: 'a-long-password' },
    });
    await chooseRole(dialog, '区级管理员');
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    expect(
      await screen.findByText('确认新建区级管理员账号？', { selector: '.ant-modal-confirm-title' }),
    ).toBeTruthy();
    expect(fake.requests(`POST ${Routes.staff}`)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '确认新建' }));
    await waitFor(() => expect(fake.requests(`POST ${Routes.staff}`)).toHaveLength(1));
    expect(fake.requests(`POST ${Routes.staff}`)[0].body).toMatchObject({
      role: 'district_admin',
      regionId: ADMIN_REGION_ID,
    });
  });
});
