import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Routes, type StationDetail, type StationSummary } from '@yizhan/contracts';
import { ADMIN_REGION_ID, renderPage } from '../../test/render';
import { fakeAdminSession, STREET_ID } from '../../test/admin-fixtures';
import { FakeApi, apiError } from '../../test/fake-api';
import { StationEditor } from './StationEditor';
import { StationsPage } from './StationsPage';

// Leaflet does not lay out in jsdom: the map is left out, its coordinate inputs stay.
jest.mock('../../components/BaseMap', () => ({ BaseMap: () => null }));

const station = (overrides: Partial<StationSummary>): StationSummary => ({
  id: '10000000-0000-4000-8000-000000000001',
  name: '才常广场驿站',
  brand: '奔跑者红色驿站',
  address: '浏阳市淮川街道才常广场',
  lat: 28.15917,
  lng: 113.63852,
  regionId: STREET_ID,
  status: 'open',
  amenities: ['seating', 'water'],
  openNow: true,
  ...overrides,
});

const STATIONS = [
  station({}),
  station({
    id: '10000000-0000-4000-8000-000000000002',
    name: '朝阳社区驿站',
    status: 'temporarily_closed',
    amenities: ['toilet'],
    openNow: false,
  }),
];

describe('stations page', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = new FakeApi();
    fake.install();
    fakeAdminSession(fake);
  });

  it("lists the region's stations with status, amenities and region in Chinese", async () => {
    fake.on(`GET ${Routes.stations}`, { status: 200, body: { items: STATIONS, nextCursor: null } });
    renderPage(<StationsPage />);
    expect(await screen.findByText('朝阳社区驿站')).toBeTruthy();
    const table = document.querySelector('.stations-table') as HTMLElement;
    expect(within(table).getByText('营业中')).toBeTruthy();
    expect(within(table).getByText('暂停开放')).toBeTruthy();
    expect(within(table).getByText('饮用水')).toBeTruthy();
    expect(within(table).getByText('卫生间')).toBeTruthy();
    expect(within(table).getAllByText('淮川街道')).toHaveLength(2);
    const sent = fake.requests(`GET ${Routes.stations}`)[0];
    expect(sent.query.get('regionId')).toBe(ADMIN_REGION_ID);
    expect(sent.query.get('limit')).toBe('100');
  });

  it('follows the cursor to the last page', async () => {
    fake.on(`GET ${Routes.stations}`, {
      status: 200,
      body: { items: [STATIONS[0]], nextCursor: 'next-1' },
    });
    fake.on(`GET ${Routes.stations}`, {
      status: 200,
      body: { items: [STATIONS[1]], nextCursor: null },
    });
    renderPage(<StationsPage />);
    expect(await screen.findByText('朝阳社区驿站')).toBeTruthy();
    expect(screen.getByText('才常广场驿站')).toBeTruthy();
    const cursors = fake.requests(`GET ${Routes.stations}`).map((sent) => sent.query.get('cursor'));
    expect(cursors).toContain('next-1');
  });

  it('shows a refusal in Chinese with a retry', async () => {
    fake.on(`GET ${Routes.stations}`, apiError(403, 'FORBIDDEN'));
    renderPage(<StationsPage />);
    expect(await screen.findByText('你没有权限进行此操作')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
    expect(screen.queryByText(/FORBIDDEN/)).toBeNull();
  });
});

// The editor alone: the drawer's form is heavy for jsdom, so these run without the table.
describe('station editor', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = new FakeApi();
    fake.install();
    fakeAdminSession(fake);
  });

  const renderEditor = (onSaved = jest.fn()) =>
    renderPage(
      <StationEditor
        open
        stationId={null}
        stations={STATIONS}
        onClose={() => undefined}
        onSaved={onSaved}
      />,
    );

  it('creates a station with the exact body the API takes', async () => {
    let created: unknown;
    fake.on(`POST ${Routes.stations}`, (request) => {
      created = request.body;
      return { status: 201, body: { ...STATIONS[0], id: 'new-id' } as unknown as StationDetail };
    });
    const onSaved = jest.fn();
    renderEditor(onSaved);
    fireEvent.change(await screen.findByLabelText('驿站名称'), { target: { value: ' 新驿站 ' } });
    fireEvent.change(screen.getByLabelText('地址'), { target: { value: '浏阳市淮川街道某路1号' } });
    // Region: open the tree and pick the street.
    fireEvent.mouseDown(screen.getByLabelText('所属区域'));
    fireEvent.click(await screen.findByTitle('淮川街道'));
    fireEvent.change(screen.getByLabelText('纬度'), { target: { value: '28.1601' } });
    fireEvent.change(screen.getByLabelText('经度'), { target: { value: '113.6402' } });
    fireEvent.click(screen.getByLabelText('卫生间'));
    fireEvent.click(screen.getByLabelText('饮用水'));
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(created).toBeDefined(), { timeout: 10_000 });
    expect(created).toEqual({
      regionId: STREET_ID,
      name: '新驿站',
      // The brand most of the region's stations carry is the default.
      brand: '奔跑者红色驿站',
      address: '浏阳市淮川街道某路1号',
      lat: 28.1601,
      lng: 113.6402,
      status: 'open',
      amenities: ['water', 'toilet'],
      openingHours: { weekly: [], exceptions: [] },
      services: [],
      hotlines: [],
      geofenceRadiusM: 150,
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  }, 60_000);

  it('refuses to save without a location', async () => {
    renderEditor();
    fireEvent.click(await screen.findByRole('button', { name: /保\s*存/ }));
    expect(
      await screen.findByText('请在地图上选择位置，或填写经纬度', undefined, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(fake.requests(`POST ${Routes.stations}`)).toHaveLength(0);
  }, 60_000);
});
