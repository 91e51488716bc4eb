import { bodyOf, ok, sentTo, serveRoutes } from '../../test/factories';
import { taroFake } from '../../test/taro-fake';
import { getLiveCode, listStationVisits, listStations, updateStation } from './stations';

const urlOf = (route: string) =>
  new URL(sentTo(route)[0]?.url ?? '', 'http://client.test').searchParams;

describe('station services', () => {
  beforeEach(() => taroFake.reset());

  it('lists with the amenities comma-separated and openNow only when asked', async () => {
    serveRoutes({ 'GET /stations': () => ok({ items: [], nextCursor: null }) });

    await listStations({ amenities: ['water', 'battery_swap'], openNow: false, q: '' });

    const query = urlOf('GET /stations');
    expect(query.get('amenities')).toBe('water,battery_swap');
    expect(query.has('openNow')).toBe(false);
    expect(query.has('q')).toBe(false);
  });

  it('patches only the manager fields it is given', async () => {
    serveRoutes({ 'PATCH /stations/s-1': () => ok({ id: 's-1' }) });

    await updateStation('s-1', { status: 'temporarily_closed' });

    expect(bodyOf(sentTo('PATCH /stations/s-1')[0])).toEqual({ status: 'temporarily_closed' });
  });

  it('asks for the live code of the station', async () => {
    serveRoutes({ 'GET /stations/s-1/live-code': () => ok({ code: 'YZ1.L.x' }) });

    await expect(getLiveCode('s-1')).resolves.toEqual({ code: 'YZ1.L.x' });
  });

  it("asks for one day's visits with the cursor, and leaves the date to the server by default", async () => {
    serveRoutes({ 'GET /stations/s-1/visits': () => ok({ items: [], nextCursor: null }) });

    await listStationVisits('s-1', { limit: 20, cursor: 'c1' });

    const query = urlOf('GET /stations/s-1/visits');
    expect(query.has('date')).toBe(false);
    expect(query.get('cursor')).toBe('c1');
    expect(query.get('limit')).toBe('20');
  });
});
