import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Routes, type PointsRulesResponse } from '@yizhan/contracts';
import { CITY_ID, fakeAdminSession } from '../../test/region-admin-fixtures';
import { FakeApi, apiError } from '../../test/fake-api';
import { ADMIN_REGION_ID, renderPage } from '../../test/render';
import { RulesPage } from './RulesPage';

const WORKER_ID = '11111111-2222-4333-8444-555555555555';

const rules: PointsRulesResponse = {
  regionId: ADMIN_REGION_ID,
  items: [
    {
      id: 'r1',
      regionId: ADMIN_REGION_ID,
      kind: 'checkin',
      points: 5,
      dailyCap: 10,
      weeklyCap: null,
      expiryPolicy: 'end_of_next_year',
    },
    {
      id: 'r2',
      regionId: CITY_ID,
      kind: 'report',
      points: 20,
      dailyCap: null,
      weeklyCap: 100,
      expiryPolicy: 'never',
    },
  ],
};

const row = (label: string) => screen.getByText(label, { selector: 'td' }).closest('tr')!;

describe('earning rules page', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = fakeAdminSession(new FakeApi());
    fake.install();
  });

  it("shows one row per earning kind for the admin's region, inherited rules marked", async () => {
    fake.on(`GET ${Routes.pointsRules}`, { status: 200, body: rules });
    renderPage(<RulesPage />);
    await screen.findByText('驿站签到');
    expect(fake.requests(`GET ${Routes.pointsRules}`)[0].query.get('regionId')).toBe(
      ADMIN_REGION_ID,
    );
    expect(within(row('驿站签到')).getByText('本级')).toBeTruthy();
    expect(within(row('驿站签到')).getByText('获得次年年底过期')).toBeTruthy();
    expect(within(row('驿站签到')).getByText('不设上限')).toBeTruthy();
    expect(within(row('随手报事')).getByText('长沙市')).toBeTruthy();
    expect(within(row('随手报事')).getByText('沿用上级')).toBeTruthy();
    expect(within(row('随手报事')).getByText('长期有效')).toBeTruthy();
    expect(within(row('志愿服务')).getByText('未设置（不发放积分）')).toBeTruthy();
    expect(within(row('随手报事')).getByRole('button', { name: /在本级设置/ })).toBeTruthy();
  });

  it('warns when no rule applies in the region', async () => {
    fake.on(`GET ${Routes.pointsRules}`, {
      status: 200,
      body: { regionId: ADMIN_REGION_ID, items: [] },
    });
    renderPage(<RulesPage />);
    expect(await screen.findByText('该区域还没有积分规则')).toBeTruthy();
  });

  it('shows a failed load in Chinese', async () => {
    fake.on(`GET ${Routes.pointsRules}`, apiError(404, 'NOT_FOUND'));
    renderPage(<RulesPage />);
    expect(await screen.findByText('内容不存在，或不在你的辖区内')).toBeTruthy();
  });

  it('sets an inherited rule in the region with PUT, leaving an emptied cap out', async () => {
    fake.on(`GET ${Routes.pointsRules}`, { status: 200, body: rules });
    fake.on(`PUT ${Routes.pointsRules}`, { status: 200, body: rules.items[1] });
    renderPage(<RulesPage />);
    await screen.findByText('随手报事');
    fireEvent.click(within(row('随手报事')).getByRole('button', { name: /在本级设置/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/当前沿用「长沙市」的规则/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('每次获得积分'), { target: { value: '30' } });
    fireEvent.change(within(dialog).getByLabelText('每周上限（选填）'), { target: { value: '' } });
    fireEvent.change(within(dialog).getByLabelText('每日上限（选填）'), {
      target: { value: '60' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(fake.requests(`PUT ${Routes.pointsRules}`)).toHaveLength(1));
    expect(fake.requests(`PUT ${Routes.pointsRules}`)[0].body).toEqual({
      regionId: ADMIN_REGION_ID,
      kind: 'report',
      points: 30,
      dailyCap: 60,
      expiryPolicy: 'never',
    });
    expect(await screen.findByText('积分规则已保存')).toBeTruthy();
    await waitFor(() => expect(fake.requests(`GET ${Routes.pointsRules}`).length).toBe(2));
  });

  it('shows a refused rule (403) in Chinese', async () => {
    fake.on(`GET ${Routes.pointsRules}`, { status: 200, body: rules });
    fake.on(`PUT ${Routes.pointsRules}`, apiError(403, 'FORBIDDEN'));
    renderPage(<RulesPage />);
    await screen.findByText('驿站签到');
    fireEvent.click(within(row('驿站签到')).getByRole('button', { name: /编辑/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(fake.requests(`PUT ${Routes.pointsRules}`)).toHaveLength(1));
    expect(fake.requests(`PUT ${Routes.pointsRules}`)[0].body).toEqual({
      regionId: ADMIN_REGION_ID,
      kind: 'checkin',
      points: 5,
      dailyCap: 10,
      expiryPolicy: 'end_of_next_year',
    });
    expect(await screen.findByText('你没有权限进行此操作')).toBeTruthy();
  });
});

describe('points adjustment', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = fakeAdminSession(new FakeApi());
    fake.on(`GET ${Routes.pointsRules}`, { status: 200, body: rules });
    fake.install();
    jest
      .spyOn(crypto, 'randomUUID')
      .mockReturnValueOnce('aaaaaaaa-0000-4000-8000-000000000001')
      .mockReturnValueOnce('aaaaaaaa-0000-4000-8000-000000000002');
  });

  async function fillAdjustment(amount: string) {
    fireEvent.click(screen.getByRole('button', { name: /积分调整/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('用户 ID'), { target: { value: WORKER_ID } });
    fireEvent.change(within(dialog).getByLabelText('调整积分'), { target: { value: amount } });
    fireEvent.change(within(dialog).getByLabelText('调整原因'), {
      target: { value: '补发 11 月漏记的签到积分' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /提交调整/ }));
    return dialog;
  }

  it('confirms the amount before paying, with the key made when the form opened', async () => {
    fake.on(`POST ${Routes.pointsAdjustments}`, {
      status: 201,
      body: {
        transferId: 't1',
        userId: WORKER_ID,
        amount: 50,
        reason: 'x',
        createdAt: '2026-11-24T02:00:00Z',
      },
    });
    renderPage(<RulesPage />);
    await screen.findByText('驿站签到');
    await fillAdjustment('50');
    expect(
      await screen.findByText('确认为该用户增加 50 积分？', {
        selector: '.ant-modal-confirm-title',
      }),
    ).toBeTruthy();
    expect(fake.requests(`POST ${Routes.pointsAdjustments}`)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '确认调整' }));
    await waitFor(() => expect(fake.requests(`POST ${Routes.pointsAdjustments}`)).toHaveLength(1));
    expect(fake.requests(`POST ${Routes.pointsAdjustments}`)[0].body).toEqual({
      userId: WORKER_ID,
      amount: 50,
      reason: '补发 11 月漏记的签到积分',
      idempotencyKey: 'aaaaaaaa-0000-4000-8000-000000000001',
    });
    expect(await screen.findByText('已调整 +50 积分')).toBeTruthy();
  });

  it('keeps the same key for a retry after a failure in the same form', async () => {
    fake.on(`POST ${Routes.pointsAdjustments}`, apiError(503, 'SERVICE_UNAVAILABLE'));
    renderPage(<RulesPage />);
    await screen.findByText('驿站签到');
    const dialog = await fillAdjustment('-20');
    expect(
      await screen.findByText('确认从该用户扣减 20 积分？', {
        selector: '.ant-modal-confirm-title',
      }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认调整' }));
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: /提交调整/ }));
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: '确认调整' }).length).toBeGreaterThan(0),
    );
    fireEvent.click(screen.getAllByRole('button', { name: '确认调整' }).at(-1)!);
    await waitFor(() => expect(fake.requests(`POST ${Routes.pointsAdjustments}`)).toHaveLength(2));
    const keys = fake
      .requests(`POST ${Routes.pointsAdjustments}`)
      .map((request) => (request.body as { idempotencyKey: string }).idempotencyKey);
    // The retry sends the key of the first attempt (which key the form drew first depends on
    // how often React ran its state initialiser, so only their equality is the contract).
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]).toMatch(/^aaaaaaaa-0000-4000-8000-\d{12}$/);
  });

  it('says in Chinese when the worker is not in the region, and checks the form first', async () => {
    fake.on(`POST ${Routes.pointsAdjustments}`, apiError(404, 'NOT_FOUND'));
    renderPage(<RulesPage />);
    await screen.findByText('驿站签到');
    const dialog = await fillAdjustment('0');
    expect(await within(dialog).findByText(/不为 0 的整数/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('调整积分'), { target: { value: '10' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /提交调整/ }));
    fireEvent.click(await screen.findByRole('button', { name: '确认调整' }));
    expect(
      (await screen.findAllByText('未找到该用户，或该用户不在你的辖区内')).length,
    ).toBeGreaterThan(0);
  });

  it('finds the worker by phone, fills in the id and names them in the confirmation', async () => {
    fake.on(`GET ${Routes.workerLookup}`, {
      status: 200,
      body: {
        id: WORKER_ID,
        nickname: '刘师傅',
        phone: '138****8000',
        homeRegionId: ADMIN_REGION_ID,
        homeRegionName: '浏阳市',
        balance: 120,
      },
    });
    fake.on(`POST ${Routes.pointsAdjustments}`, {
      status: 201,
      body: { transferId: 't1', userId: WORKER_ID, amount: 30, reason: 'x', createdAt: '' },
    });
    renderPage(<RulesPage />);
    await screen.findByText('驿站签到');
    fireEvent.click(screen.getByRole('button', { name: /积分调整/ }));
    const dialog = await screen.findByRole('dialog');
    const phone = within(dialog).getByLabelText('劳动者手机号');
    fireEvent.change(phone, { target: { value: '138 0013 8000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /查\s*找/ }));
    expect(await within(dialog).findByText('刘师傅（138****8000）')).toBeTruthy();
    expect(within(dialog).getByText('积分归属：浏阳市，当前可用 120 积分')).toBeTruthy();
    expect(Object.fromEntries(fake.requests(`GET ${Routes.workerLookup}`)[0].query)).toEqual({
      phone: '13800138000',
    });
    expect((within(dialog).getByLabelText('用户 ID') as HTMLInputElement).value).toBe(WORKER_ID);
    fireEvent.change(within(dialog).getByLabelText('调整积分'), { target: { value: '30' } });
    fireEvent.change(within(dialog).getByLabelText('调整原因'), {
      target: { value: '志愿服务补记' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /提交调整/ }));
    expect(await screen.findByText(/对象：刘师傅（138\*{4}8000）/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认调整' }));
    await waitFor(() => expect(fake.requests(`POST ${Routes.pointsAdjustments}`)).toHaveLength(1));
    expect(fake.requests(`POST ${Routes.pointsAdjustments}`)[0].body).toMatchObject({
      userId: WORKER_ID,
      amount: 30,
    });
  });

  it('checks the number before asking, and says when no worker of the district has it', async () => {
    fake.on(`GET ${Routes.workerLookup}`, apiError(404, 'NOT_FOUND'));
    renderPage(<RulesPage />);
    await screen.findByText('驿站签到');
    fireEvent.click(screen.getByRole('button', { name: /积分调整/ }));
    const dialog = await screen.findByRole('dialog');
    const phone = within(dialog).getByLabelText('劳动者手机号');
    fireEvent.change(phone, { target: { value: '1380013' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /查\s*找/ }));
    expect(await within(dialog).findByText('请输入 11 位手机号')).toBeTruthy();
    expect(fake.requests(`GET ${Routes.workerLookup}`)).toHaveLength(0);
    fireEvent.change(phone, { target: { value: '13900139000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /查\s*找/ }));
    expect(
      await within(dialog).findByText('未找到该手机号的劳动者，或其积分不属于你的辖区'),
    ).toBeTruthy();
    expect((within(dialog).getByLabelText('用户 ID') as HTMLInputElement).value).toBe('');
  });
});
