import { ok, serveRoutes } from '../../test/factories';
import { taroFake } from '../../test/taro-fake';
import { listRewards } from './rewards';

function sentQuery(index: number): URLSearchParams {
  return new URL(taroFake.requests[index]?.url ?? '', 'http://client.test').searchParams;
}

describe(listRewards.name, () => {
  beforeEach(() => {
    taroFake.reset();
    serveRoutes({ 'GET /rewards': () => ok({ items: [], nextCursor: null }) });
  });

  it('sends the position and affordable=true when asked', async () => {
    await listRewards({ lat: 28.155, lng: 113.642, affordable: true, limit: 20 });

    expect(sentQuery(0).get('lat')).toBe('28.155');
    expect(sentQuery(0).get('lng')).toBe('113.642');
    expect(sentQuery(0).get('affordable')).toBe('true');
  });

  it('leaves the filters out when they are off (the API then lists cheapest first)', async () => {
    await listRewards({ affordable: false });

    expect(sentQuery(0).has('affordable')).toBe(false);
    expect(sentQuery(0).has('lat')).toBe(false);
  });
});
