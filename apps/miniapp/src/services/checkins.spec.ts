import { CHECKIN_CODE_PREFIX } from '@yizhan/contracts';
import { bodyOf, ok, sentTo, serveRoutes } from '../../test/factories';
import { taroFake } from '../../test/taro-fake';
import { createCheckin, listMyCheckins, stationCodeOf } from './checkins';
import { session } from './session';

const POSTER_CODE = 'YZ1.P.AAAAAAAAAAAAAAAAAAAAAA.1.BBBBBBBBBBBBBBBBBBBBBB';

describe(stationCodeOf.name, () => {
  it('takes a code that starts with the contract prefix, without surrounding blanks', () => {
    expect(POSTER_CODE.startsWith(CHECKIN_CODE_PREFIX)).toBe(true);
    expect(stationCodeOf(POSTER_CODE)).toBe(POSTER_CODE);
    expect(stationCodeOf(`  ${POSTER_CODE}\n`)).toBe(POSTER_CODE);
  });

  it.each([
    ['another QR code', 'https://example.com/menu'],
    ['a redemption code', '1234 5678 9012'],
    ['the prefix in lower case', POSTER_CODE.toLowerCase()],
    ['nothing', '   '],
    ['more than the API reads', `${CHECKIN_CODE_PREFIX}${'x'.repeat(200)}`],
  ])('refuses %s', (_, text) => {
    expect(stationCodeOf(text)).toBeNull();
  });
});

describe(createCheckin.name, () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
  });

  it('posts the code, the position with its accuracy and the key, with the token', async () => {
    session.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    serveRoutes({ 'POST /checkins': () => ok({ pointsAwarded: 5 }, 201) });
    const body = {
      code: POSTER_CODE,
      lat: 28.16,
      lng: 113.64,
      accuracy: 12,
      idempotencyKey: '4b0cf7f4-5d0e-4a41-9d35-3b1a8b6b3f3e',
    };

    await expect(createCheckin(body)).resolves.toEqual({ pointsAwarded: 5 });

    const [sent] = sentTo('POST /checkins');
    expect(bodyOf(sent)).toEqual(body);
    expect((sent?.header as Record<string, string>).Authorization).toBe('Bearer access-1');
  });
});

describe(listMyCheckins.name, () => {
  beforeEach(() => taroFake.reset());

  it('asks for the next page with the cursor', async () => {
    serveRoutes({ 'GET /checkins': () => ok({ items: [], nextCursor: null }) });

    await listMyCheckins({ limit: 20, cursor: 'c2' });

    const url = new URL(sentTo('GET /checkins')[0]?.url ?? '', 'http://client.test');
    expect(url.searchParams.get('limit')).toBe('20');
    expect(url.searchParams.get('cursor')).toBe('c2');
  });
});
