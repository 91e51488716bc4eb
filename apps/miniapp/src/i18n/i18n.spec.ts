import {
  AMENITIES,
  CONSENT_KINDS,
  ErrorCode,
  OCCUPATIONS,
  ROLES,
  REDEMPTION_STATUSES,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  STATION_STATUSES,
  TRANSFER_KINDS,
} from '@yizhan/contracts';
import { ClientErrorCode } from '../services/api-error';
import {
  amenityLabel,
  consentKindLabel,
  consentPurpose,
  errorMessage,
  occupationLabel,
  redemptionStatusLabel,
  reportActionLabel,
  reportEventLabel,
  reportStatusLabel,
  roleLabel,
  setLocale,
  stationStatusLabel,
  t,
  transferKindLabel,
  weekdayLabel,
  type TextKey,
} from './index';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

const HAS_CJK = /[\u4e00-\u9fff]/;

describe(errorMessage.name, () => {
  beforeEach(() => setLocale('zh-CN', false));

  // Iterates the contract, so a new ErrorCode without a translation fails here.
  it.each(Object.values(ErrorCode))('has a Chinese message for the contract code %s', (code) => {
    expect(Object.keys(zhCN.errors)).toContain(code);
    const message = errorMessage(code);
    expect(message).toMatch(HAS_CJK);
    expect(message).not.toContain(code);
  });

  it.each(Object.values(ClientErrorCode))(
    'has a Chinese message for the client code %s',
    (code) => {
      expect(errorMessage(code)).toMatch(HAS_CJK);
    },
  );

  it('falls back to a generic Chinese message for an unknown code', () => {
    expect(errorMessage('SOMETHING_NEW')).toBe(zhCN.errors.UNKNOWN_ERROR);
  });

  it('words an error by the action where that makes its cause certain', () => {
    expect(errorMessage(ErrorCode.UNAUTHENTICATED, 'smsLogin')).toBe(
      '验证码错误或已过期，请重新获取',
    );
    expect(errorMessage(ErrorCode.UNAUTHENTICATED, 'passwordLogin')).toBe('用户名或密码错误');
    expect(errorMessage(ErrorCode.UNAUTHENTICATED)).toBe('登录已失效，请重新登录');
    // No special wording for this action and code: the generic sentence.
    expect(errorMessage(ErrorCode.NOT_FOUND, 'smsLogin')).toBe(zhCN.errors.NOT_FOUND);
    expect(errorMessage('SOMETHING_NEW', 'smsLogin')).toBe(zhCN.errors.UNKNOWN_ERROR);
  });

  it.each(Object.entries(zhCN.errorsIn))('has Chinese action wording for %s', (_, message) => {
    expect(message).toMatch(HAS_CJK);
  });

  it('uses zh-CN when the English catalogue lacks a code', () => {
    setLocale('en-US', false);
    expect(errorMessage(ErrorCode.CHECKIN_TOO_FAR)).toBe(zhCN.errors.CHECKIN_TOO_FAR);
    expect(errorMessage(ClientErrorCode.NetworkError)).toMatch(/Network/);
  });
});

describe(amenityLabel.name, () => {
  beforeEach(() => setLocale('zh-CN', false));

  it.each(AMENITIES.map((amenity) => [amenity]))('labels the amenity %s in Chinese', (amenity) => {
    expect(amenityLabel(amenity)).toMatch(HAS_CJK);
  });

  it('uses the agreed labels', () => {
    expect(amenityLabel('battery_swap')).toBe('换电柜');
    expect(amenityLabel('rain_gear')).toBe('备用头盔雨衣');
    expect(amenityLabel('ebike_parking')).toBe('电动车停靠点');
  });
});

describe(stationStatusLabel.name, () => {
  it.each(STATION_STATUSES.map((status) => [status]))('labels the status %s', (status) => {
    setLocale('zh-CN', false);
    expect(stationStatusLabel(status)).toMatch(HAS_CJK);
  });
});

describe(redemptionStatusLabel.name, () => {
  beforeEach(() => setLocale('zh-CN', false));

  it.each(REDEMPTION_STATUSES.map((status) => [status]))('labels the status %s', (status) => {
    expect(redemptionStatusLabel(status)).toMatch(HAS_CJK);
  });

  it('uses the agreed labels', () => {
    expect(redemptionStatusLabel('issued')).toBe('待使用');
    expect(redemptionStatusLabel('fulfilled')).toBe('已核销');
  });
});

describe(reportStatusLabel.name, () => {
  beforeEach(() => setLocale('zh-CN', false));

  it.each(REPORT_STATUSES.map((status) => [status]))('labels the status %s', (status) => {
    expect(reportStatusLabel(status)).toMatch(HAS_CJK);
  });

  it.each(REPORT_ACTIONS.map((action) => [action]))(
    'words the timeline step and the notice of %s',
    (action) => {
      expect(reportActionLabel(action)).toMatch(HAS_CJK);
      expect(reportEventLabel(action)).toMatch(HAS_CJK);
    },
  );

  it('uses the agreed labels', () => {
    expect(reportStatusLabel('submitted')).toBe('待受理');
    expect(reportStatusLabel('accepted')).toBe('已受理');
    expect(reportStatusLabel('dispatched')).toBe('处理中');
    expect(reportStatusLabel('resolved')).toBe('已办结');
    expect(reportStatusLabel('rejected')).toBe('未采纳');
    expect(reportStatusLabel('duplicate')).toBe('重复上报');
    expect(reportStatusLabel('closed')).toBe('已关闭');
  });
});

describe(transferKindLabel.name, () => {
  beforeEach(() => setLocale('zh-CN', false));

  it.each(TRANSFER_KINDS.map((kind) => [kind]))(
    'labels the transfer kind %s in Chinese',
    (kind) => {
      expect(transferKindLabel(kind)).toMatch(HAS_CJK);
    },
  );

  it('uses the agreed labels', () => {
    expect(transferKindLabel('checkin')).toBe('驿站签到');
    expect(transferKindLabel('refund')).toBe('兑换退回');
  });
});

describe('account labels', () => {
  beforeEach(() => setLocale('zh-CN', false));

  it.each(OCCUPATIONS.map((occupation) => [occupation]))(
    'labels the occupation %s in Chinese',
    (occupation) => {
      expect(occupationLabel(occupation)).toMatch(HAS_CJK);
    },
  );

  it.each(ROLES.map((role) => [role]))('labels the role %s in Chinese', (role) => {
    expect(roleLabel(role)).toMatch(HAS_CJK);
  });

  it.each(CONSENT_KINDS.map((kind) => [kind]))(
    'names the consent %s and why it is asked in Chinese',
    (kind) => {
      expect(consentKindLabel(kind)).toMatch(HAS_CJK);
      expect(consentPurpose(kind)).toMatch(HAS_CJK);
    },
  );

  it('uses the agreed labels', () => {
    expect(occupationLabel('delivery')).toBe('外卖骑手');
    expect(occupationLabel('ride-hailing')).toBe('网约车司机');
    expect(roleLabel('station_manager')).toBe('站长');
  });
});

describe('zh-CN texts', () => {
  /** Pure formatting, with nothing to translate. */
  const FORMAT_ONLY = new Set<TextKey>([
    'common.separator',
    'stations.moreAmenities',
    'format.timeRange',
    'format.intervalsJoin',
    'format.dateTime',
    'points.amount.plus',
    'points.amount.minus',
    'report.photos.count',
    'report.counter',
  ]);

  it.each(
    (Object.keys(zhCN.text) as TextKey[])
      .filter((key) => !FORMAT_ONLY.has(key))
      .map((key) => [key]),
  )('has a Chinese text for %s', (key) => {
    expect(zhCN.text[key]).toMatch(HAS_CJK);
  });
});

describe(t.name, () => {
  afterEach(() => setLocale('zh-CN', false));

  it('interpolates parameters', () => {
    expect(t('format.rideMinutes', { n: 4 })).toBe('骑行约 4 分钟');
  });

  it('falls back to zh-CN for a key English has not translated', () => {
    setLocale('en-US', false);
    expect(t('stations.title')).toBe('Nearby stations');
    expect(t('detail.hotlines')).toBe(zhCN.text['detail.hotlines']);
  });

  it('names weekdays Monday first', () => {
    expect(weekdayLabel(1)).toBe('周一');
    expect(weekdayLabel(7)).toBe('周日');
  });
});

describe('en-US for points, rewards, the counter and check-in', () => {
  // The catalogue predates a rule that every text has an English entry; these areas follow it
  // from the start, so a new text without one fails here.
  const AREAS =
    /^(points|rewards?|redemptions?|rules|merchant|settlement|transferStatus|scan|checkins?|stationAdmin|liveCode|reports?|reportDetail|notifications|handler|handlerDetail|consent\.photos)\.|^me\.(work|reports|logout\.queued)\.|^common\.(signIn|confirm)|^format\.(date|monthDay|dateTime|countdownDays)$/;
  const CONTEXTS = /^(redeem|cancelRedemption|counterVerify|counterFulfil)\./;
  const CODES = [
    ErrorCode.POINTS_INSUFFICIENT,
    ErrorCode.OUT_OF_STOCK,
    ErrorCode.REDEMPTION_LIMIT_REACHED,
    ErrorCode.REWARD_UNAVAILABLE,
    ErrorCode.REDEMPTION_ALREADY_FULFILLED,
    ErrorCode.REDEMPTION_EXPIRED,
    ErrorCode.REDEMPTION_CANCELLED,
    ErrorCode.IDEMPOTENCY_KEY_REUSED,
  ];

  it.each(
    (Object.keys(zhCN.text) as TextKey[]).filter((key) => AREAS.test(key)).map((key) => [key]),
  )('has an English text for %s', (key) => {
    expect(enUS.text?.[key]).toEqual(expect.any(String));
  });

  it.each(
    Object.keys(zhCN.errorsIn)
      .filter((key) => CONTEXTS.test(key))
      .map((key) => [key]),
  )('has English action wording for %s', (key) => {
    expect(enUS.errorsIn?.[key as keyof typeof zhCN.errorsIn]).toEqual(expect.any(String));
  });

  it.each(CODES.map((code) => [code]))('has an English message for %s', (code) => {
    expect(enUS.errors?.[code]).toEqual(expect.any(String));
  });

  it('names every report status, step and notice in English', () => {
    expect(Object.keys(enUS.reportStatuses ?? {}).sort()).toEqual([...REPORT_STATUSES].sort());
    expect(Object.keys(enUS.reportActions ?? {}).sort()).toEqual([...REPORT_ACTIONS].sort());
    expect(Object.keys(enUS.reportEvents ?? {}).sort()).toEqual([...REPORT_ACTIONS].sort());
  });

  it('names every transfer kind and redemption status in English', () => {
    expect(Object.keys(enUS.transferKinds ?? {}).sort()).toEqual([...TRANSFER_KINDS].sort());
    expect(Object.keys(enUS.redemptionStatuses ?? {}).sort()).toEqual(
      [...REDEMPTION_STATUSES].sort(),
    );
  });

  it('is what the user reads after switching to English', () => {
    setLocale('en-US', false);
    try {
      expect(t('points.balance')).toBe('Available points');
      expect(errorMessage(ErrorCode.NOT_FOUND, 'counterVerify')).toBe(
        'No such code at this counter.',
      );
      expect(redemptionStatusLabel('fulfilled')).toBe('Used');
    } finally {
      setLocale('zh-CN', false);
    }
  });
});
