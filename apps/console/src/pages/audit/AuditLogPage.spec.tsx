import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Routes, type AuditEntry } from '@yizhan/contracts';
import { ADMIN_ID, fakeAdminSession } from '../../test/region-admin-fixtures';
import { FakeApi, apiError } from '../../test/fake-api';
import { ADMIN_REGION_ID, renderPage } from '../../test/render';
import { AuditLogPage } from './AuditLogPage';
import { changedKeys } from './AuditDiff';

const CATEGORY_ID = '00000000-0000-4000-8000-0000000000e1';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 'a1',
  actorId: ADMIN_ID,
  actorRole: 'district_admin',
  action: 'report_category.update',
  targetType: 'report_category',
  targetId: CATEGORY_ID,
  regionId: ADMIN_REGION_ID,
  before: { name: '护栏损坏', slaHours: 48, active: true },
  after: { name: '护栏损坏', slaHours: 36, active: true },
  ip: '10.0.0.8',
  requestId: 'req-1',
  createdAt: '2026-11-24T02:05:09.000Z',
  ...over,
});

describe('audit log page', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = fakeAdminSession(new FakeApi());
    fake.on(`GET ${Routes.staff}`, {
      status: 200,
      body: {
        items: [
          {
            id: ADMIN_ID,
            username: 'district_admin@liuyang',
            nickname: null,
            role: 'district_admin',
            regionId: ADMIN_REGION_ID,
            stationId: null,
            merchantId: null,
            createdAt: '2026-01-01T00:00:00.000Z',
          },
        ],
        nextCursor: null,
      },
    });
    fake.install();
  });

  it('shows entries in Chinese and Beijing time, with the changed keys of before/after marked', async () => {
    fake.on(`GET ${Routes.auditLog}`, {
      status: 200,
      body: {
        items: [
          entry({}),
          entry({
            id: 'a2',
            action: 'some.future_action',
            targetType: 'robot',
            before: null,
            after: null,
          }),
        ],
        nextCursor: null,
      },
    });
    renderPage(<AuditLogPage />);
    const row = (await screen.findByText('修改报事类别')).closest('tr')!;
    expect(within(row).getByText('2026-11-24 10:05:09')).toBeTruthy();
    expect(await within(row).findByText('district_admin@liuyang')).toBeTruthy();
    expect(within(row).getByText('区级管理员')).toBeTruthy();
    expect(within(row).getByText('报事类别')).toBeTruthy();
    expect(within(row).getByText('浏阳市')).toBeTruthy();
    // An action this build does not know is not shown by its raw name.
    expect(screen.getByText('其他操作')).toBeTruthy();
    expect(screen.queryByText('some.future_action')).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: /展开行|Expand row/ }));
    const changed = await screen.findAllByText(/"slaHours": (48|36)/);
    expect(changed).toHaveLength(2);
    changed.forEach((line) => expect(line.getAttribute('data-changed')).toBe('true'));
    expect(screen.getAllByText(/"name": "护栏损坏"/)[0].getAttribute('data-changed')).toBeNull();
  });

  it('filters by action and pages with the cursor', async () => {
    fake.on(`GET ${Routes.auditLog}`, {
      status: 200,
      body: { items: [entry({})], nextCursor: 'c2' },
    });
    fake.on(`GET ${Routes.auditLog}`, {
      status: 200,
      body: {
        items: [entry({ id: 'a3', action: 'staff.create', targetType: 'user' })],
        nextCursor: null,
      },
    });
    fake.on(`GET ${Routes.auditLog}`, { status: 200, body: { items: [], nextCursor: null } });
    renderPage(<AuditLogPage />);
    await screen.findByText('修改报事类别');
    fireEvent.click(screen.getByRole('button', { name: /加载更多/ }));
    expect(await screen.findByText('新建账号')).toBeTruthy();
    expect(fake.requests(`GET ${Routes.auditLog}`)[1].query.get('cursor')).toBe('c2');

    fireEvent.change(screen.getByLabelText('对象 ID'), { target: { value: CATEGORY_ID } });
    fireEvent.click(screen.getByRole('button', { name: /查\s?询/ }));
    expect(await screen.findByText('没有符合条件的操作记录')).toBeTruthy();
    const last = fake.requests(`GET ${Routes.auditLog}`).at(-1)!;
    expect(last.query.get('targetId')).toBe(CATEGORY_ID);
    expect(last.query.get('cursor')).toBeNull();
  });

  it('filters by an actor clicked in the table', async () => {
    fake.on(`GET ${Routes.auditLog}`, {
      status: 200,
      body: { items: [entry({})], nextCursor: null },
    });
    renderPage(<AuditLogPage />);
    fireEvent.click(await screen.findByText('district_admin@liuyang', { selector: 'a' }));
    await waitFor(() =>
      expect(fake.requests(`GET ${Routes.auditLog}`).at(-1)!.query.get('actorId')).toBe(ADMIN_ID),
    );
  });

  it('says so when the log is empty', async () => {
    fake.on(`GET ${Routes.auditLog}`, { status: 200, body: { items: [], nextCursor: null } });
    renderPage(<AuditLogPage />);
    expect(await screen.findByText('没有操作记录')).toBeTruthy();
  });

  it('shows a refusal in Chinese', async () => {
    fake.on(`GET ${Routes.auditLog}`, apiError(403, 'FORBIDDEN'));
    renderPage(<AuditLogPage />);
    expect(await screen.findByText('你没有权限进行此操作')).toBeTruthy();
    expect(screen.queryByText(/FORBIDDEN/)).toBeNull();
  });

  it('marks only the keys whose values differ', () => {
    expect([...changedKeys({ a: 1, b: { c: 2 } }, { a: 1, b: { c: 3 }, d: 4 })]).toEqual([
      'b',
      'd',
    ]);
    expect(changedKeys(null, { a: 1 }).size).toBe(0);
  });
});
