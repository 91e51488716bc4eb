import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Routes } from '@yizhan/contracts';
import { ADMIN_REGION_ID, renderPage } from '../../test/render';
import { fakeAdminSession, STREET_ID } from '../../test/admin-fixtures';
import { FakeApi } from '../../test/fake-api';
import { merchantChanges, MerchantsPage } from './MerchantsPage';

jest.mock('../../components/BaseMap', () => ({ BaseMap: () => null }));

const MERCHANT = {
  id: 'm-1',
  name: '才常广场浏阳蒸菜馆',
  address: '浏阳市淮川街道才常广场商圈沿街12号',
  lat: 28.15951,
  lng: 113.63901,
  regionId: STREET_ID,
  phone: '0731-83612345',
};

describe('merchants page', () => {
  it("lists the region's merchants", async () => {
    const fake = new FakeApi();
    fake.install();
    fakeAdminSession(fake);
    fake.on(`GET ${Routes.merchants}`, {
      status: 200,
      body: { items: [MERCHANT], nextCursor: null },
    });
    renderPage(<MerchantsPage />);
    expect(await screen.findByText('才常广场浏阳蒸菜馆')).toBeTruthy();
    const table = document.querySelector('.merchants-table') as HTMLElement;
    expect(within(table).getByText('淮川街道')).toBeTruthy();
    expect(within(table).getByText('0731-83612345')).toBeTruthy();
    expect(fake.requests(`GET ${Routes.merchants}`)[0].query.get('regionId')).toBe(ADMIN_REGION_ID);
  });

  it('edits a merchant, sending only what changed (an emptied phone clears it)', async () => {
    const fake = new FakeApi();
    fake.install();
    fakeAdminSession(fake);
    fake.on(`GET ${Routes.merchants}`, {
      status: 200,
      body: { items: [MERCHANT], nextCursor: null },
    });
    fake.on(`PATCH ${Routes.merchant('m-1')}`, {
      status: 200,
      body: { ...MERCHANT, name: '才常广场蒸菜馆（新店）', phone: null },
    });
    renderPage(<MerchantsPage />);
    const table = (await screen.findByText('才常广场浏阳蒸菜馆')).closest('table') as HTMLElement;
    fireEvent.click(within(table).getByRole('button', { name: /编\s*辑/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('修改商家信息')).toBeTruthy();
    const name = within(dialog).getByLabelText('商家名称') as HTMLInputElement;
    expect(name.value).toBe('才常广场浏阳蒸菜馆');
    fireEvent.change(name, { target: { value: ' 才常广场蒸菜馆（新店） ' } });
    fireEvent.change(within(dialog).getByLabelText('联系电话'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(fake.requests(`PATCH ${Routes.merchant('m-1')}`)).toHaveLength(1));
    expect(fake.requests(`PATCH ${Routes.merchant('m-1')}`)[0].body).toEqual({
      name: '才常广场蒸菜馆（新店）',
      phone: null,
    });
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it('leaves unchanged fields out of a change', () => {
    const values = {
      name: MERCHANT.name,
      address: `${MERCHANT.address} `,
      phone: MERCHANT.phone,
      regionId: MERCHANT.regionId,
      location: { lat: MERCHANT.lat, lng: 113.64 },
    };
    expect(merchantChanges(MERCHANT, values)).toEqual({ lng: 113.64 });
  });

  it('shows the empty state in Chinese', async () => {
    const fake = new FakeApi();
    fake.install();
    fakeAdminSession(fake);
    fake.on(`GET ${Routes.merchants}`, { status: 200, body: { items: [], nextCursor: null } });
    renderPage(<MerchantsPage />);
    expect((await screen.findAllByText('暂无数据')).length).toBeGreaterThan(0);
  });
});
