/**
 * A small typed message module rather than i18next + react-i18next: those add ~60 KB of
 * minified JS to the weapp main package for features we do not need yet (plurals, namespaces,
 * lazy backends), while this gives compile-time checked keys, an exhaustive zh-CN catalogue
 * (see the `Record<…>` types in zh-CN.ts) and zh-CN fallback for partial locales.
 *
 * The locale is zh-CN unless the user picks another one (stored preference), because our users
 * are workers in Chinese districts; a phone or a headless browser set to English must not
 * switch the UI by surprise.
 */
import Taro from '@tarojs/taro';
import type {
  Amenity,
  ConsentKind,
  Occupation,
  RedemptionStatus,
  ReportAction,
  ReportStatus,
  Role,
  StationStatus,
  TransferKind,
} from '@yizhan/contracts';
import { enUS } from './en-US';
import {
  zhCN,
  type ErrorContext,
  type Messages,
  type TextKey,
  type TranslatedErrorCode,
} from './zh-CN';

export type { ErrorContext, TextKey, TranslatedErrorCode } from './zh-CN';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

const LOCALE_STORAGE_KEY = 'yizhan.locale';
const catalogues = { 'zh-CN': zhCN, 'en-US': enUS } as const;

let current: Locale = 'zh-CN';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Reads the stored preference; called once at launch. */
export function initLocale(): Locale {
  try {
    const stored: unknown = Taro.getStorageSync(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) current = stored;
  } catch {
    // Storage unavailable (private mode): keep the default.
  }
  return current;
}

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale, persist = true): void {
  current = locale;
  if (persist) Taro.setStorageSync(LOCALE_STORAGE_KEY, locale);
}

export type MessageParams = Record<string, string | number>;

function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The current locale's text for `key`, falling back to zh-CN. */
export function t(key: TextKey, params?: MessageParams): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].text?.[key];
  return interpolate(text ?? zhCN.text[key], params);
}

function isTranslatedErrorCode(code: string): code is TranslatedErrorCode {
  return Object.prototype.hasOwnProperty.call(zhCN.errors, code);
}

type ContextualKey = keyof Messages['errorsIn'];

function isContextualKey(key: string): key is ContextualKey {
  return Object.prototype.hasOwnProperty.call(zhCN.errorsIn, key);
}

/**
 * A user-facing sentence for any error code; an unknown code gets the generic message. With a
 * context, the action's own wording wins where it has one (a 401 on the SMS form means a wrong
 * code, not an expired session).
 */
export function errorMessage(code: string, context?: ErrorContext): string {
  const known: TranslatedErrorCode = isTranslatedErrorCode(code) ? code : 'UNKNOWN_ERROR';
  const contextual = context ? `${context}.${known}` : '';
  if (isContextualKey(contextual)) {
    const text = current === 'zh-CN' ? undefined : catalogues[current].errorsIn?.[contextual];
    return text ?? zhCN.errorsIn[contextual];
  }
  const text = current === 'zh-CN' ? undefined : catalogues[current].errors?.[known];
  return text ?? zhCN.errors[known];
}

export function occupationLabel(occupation: Occupation): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].occupations?.[occupation];
  return text ?? zhCN.occupations[occupation] ?? occupation;
}

export function roleLabel(role: Role): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].roles?.[role];
  return text ?? zhCN.roles[role] ?? role;
}

export function consentKindLabel(kind: ConsentKind): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].consentKinds?.[kind];
  return text ?? zhCN.consentKinds[kind] ?? kind;
}

/** Why the app asks for the consent, as the 隐私授权 section shows it. */
export function consentPurpose(kind: ConsentKind): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].consentPurposes?.[kind];
  return text ?? zhCN.consentPurposes[kind] ?? kind;
}

export function amenityLabel(amenity: Amenity): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].amenities?.[amenity];
  return text ?? zhCN.amenities[amenity] ?? amenity;
}

export function stationStatusLabel(status: StationStatus): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].stationStatus?.[status];
  return text ?? zhCN.stationStatus[status] ?? status;
}

/** A redemption's state, one wording for the worker and the counter. */
export function redemptionStatusLabel(status: RedemptionStatus): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].redemptionStatuses?.[status];
  return text ?? zhCN.redemptionStatuses[status] ?? status;
}

/** A report's status (待受理 … 已关闭), one wording for the worker and the handler. */
export function reportStatusLabel(status: ReportStatus): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].reportStatuses?.[status];
  return text ?? zhCN.reportStatuses[status] ?? status;
}

/** A timeline step of a report. */
export function reportActionLabel(action: ReportAction): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].reportActions?.[action];
  return text ?? zhCN.reportActions[action] ?? action;
}

/** What a notification says happened to the worker's report. */
export function reportEventLabel(action: ReportAction): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].reportEvents?.[action];
  return text ?? zhCN.reportEvents[action] ?? action;
}

/** Why points moved, as the history names it. */
export function transferKindLabel(kind: TransferKind): string {
  const text = current === 'zh-CN' ? undefined : catalogues[current].transferKinds?.[kind];
  return text ?? zhCN.transferKinds[kind] ?? kind;
}

/** `isoDay` 1 = Monday … 7 = Sunday. */
export function weekdayLabel(isoDay: number): string {
  const localised = current === 'zh-CN' ? undefined : catalogues[current].weekdays;
  return (localised ?? zhCN.weekdays)[isoDay - 1] ?? zhCN.weekdays[isoDay - 1] ?? String(isoDay);
}
