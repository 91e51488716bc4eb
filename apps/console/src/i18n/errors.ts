import type { ErrorCode } from '@yizhan/contracts';
import { ApiError, type ClientErrorCode } from '../api/errors';
import { getLocale } from './locale';

type TranslatedCode = ErrorCode | ClientErrorCode;

/** Every contract code has a zh-CN text (the compiler refuses a new code without one). */
const zhCN = {
  VALIDATION_FAILED: '提交的内容有误，请检查标红的项目',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '你没有权限进行此操作',
  NOT_FOUND: '内容不存在，或不在你的辖区内',
  PAYLOAD_TOO_LARGE: '文件太大，请换一个小一点的',
  UNSUPPORTED_MEDIA_TYPE: '不支持的文件格式，请上传 JPG、PNG 或 WebP 图片',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONSENT_REQUIRED: '需要用户先同意相关授权',
  CHECKIN_CODE_INVALID: '签到码无效或已过期',
  CHECKIN_TOO_FAR: '距离驿站太远',
  CHECKIN_COOLDOWN: '签到过于频繁',
  CHECKIN_LOCATION_INACCURATE: '定位不够准确',
  REPORT_BAD_TRANSITION: '该事件当前状态不允许此操作',
  REPORT_CATEGORY_UNAVAILABLE: '该类别在此处暂不受理',
  REPORT_OUTSIDE_SERVICE_AREA: '该位置不在服务范围内',
  MEDIA_NOT_ATTACHABLE: '有图片无法使用，请重新上传',
  POINTS_INSUFFICIENT: '积分不足',
  OUT_OF_STOCK: '库存不足',
  REDEMPTION_LIMIT_REACHED: '已达到兑换次数上限',
  REWARD_UNAVAILABLE: '该奖品当前不可兑换',
  REDEMPTION_ALREADY_FULFILLED: '该兑换码已核销',
  REDEMPTION_EXPIRED: '该兑换码已过期',
  REDEMPTION_CANCELLED: '该兑换已取消',
  IDEMPOTENCY_KEY_REUSED: '请求重复，请刷新后再试',
  USERNAME_TAKEN: '该用户名已被使用',
  CONFLICT: '与已有内容冲突（例如名称或编码重复），请修改后再试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  INTERNAL_ERROR: '服务出了点问题，请稍后再试',
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  UNKNOWN_ERROR: '出了点问题，请稍后再试',
} satisfies Record<TranslatedCode, string>;

const enUS: Partial<Record<TranslatedCode, string>> = {
  VALIDATION_FAILED: 'Some fields are not valid: check the ones marked red',
  UNAUTHENTICATED: 'Your session has ended; please sign in again',
  FORBIDDEN: 'You may not do this',
  NOT_FOUND: 'Not found, or not in your region',
  RATE_LIMITED: 'Too many requests; try again shortly',
  CONFLICT: 'This conflicts with existing data (a duplicate name or code)',
  USERNAME_TAKEN: 'That username is taken',
  NETWORK_ERROR: 'Network error; check the connection and retry',
  UNKNOWN_ERROR: 'Something went wrong; try again',
};

/** The text to show for any error thrown by an API call (never the raw code). */
export function errorText(error: unknown): string {
  const code: TranslatedCode = error instanceof ApiError ? error.code : 'UNKNOWN_ERROR';
  const text = (getLocale() === 'en-US' ? enUS[code] : undefined) ?? zhCN[code];
  return text ?? zhCN.UNKNOWN_ERROR;
}
