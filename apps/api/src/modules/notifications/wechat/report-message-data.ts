import { ReportStatus, ReportStatusNotice } from '@yizhan/contracts';
import { TemplateField, TemplateFieldSource } from '../../../config/app-config';
import { TemplateFieldType, templateFieldType } from '../../../config/wechat-template-fields';
import { DEFAULT_TIME_ZONE } from '../../regions/region.entity';
import { TemplateData } from './wechat-message.entity';

/** A report's status as the worker reads it in WeChat; each fits a `phrase` field (≤ 5 汉字). */
export const REPORT_STATUS_WORDS: Readonly<Record<ReportStatus, string>> = {
  submitted: '已提交',
  accepted: '已受理',
  dispatched: '已派单',
  resolved: '已办结',
  rejected: '未采纳',
  duplicate: '重复上报',
  closed: '已关闭',
};

/** Said in the note field when the handler wrote no note. */
const DEFAULT_NOTES: Readonly<Record<ReportStatus, string>> = {
  submitted: '上报已收到，等待受理',
  accepted: '已受理，将尽快处理',
  dispatched: '已转交职能部门处理',
  resolved: '问题已办结，感谢您的上报',
  rejected: '未被采纳，点击查看原因',
  duplicate: '已有人上报，感谢您的关注',
  closed: '上报已关闭',
};

/** WeChat's length limits per field type (characters); longer values are refused (47003). */
const MAX_LENGTH: Readonly<Record<'thing' | 'short_thing' | 'phrase', number>> = {
  thing: 20,
  short_thing: 5,
  phrase: 5,
};

/** The report's detail page in the mini-program's reports subpackage. */
export function reportMessagePage(reportId: string): string {
  return `packages/reports/pages/detail/index?id=${encodeURIComponent(reportId)}`;
}

/**
 * The `data` of a report-status subscribe message: each configured template key gets the value
 * its source names, formatted to its WeChat type's rule (thing ≤ 20 characters, phrase ≤ 5
 * Chinese characters, time as `2026年11月30日 08:05` China time), so WeChat never refuses a
 * message for its data.
 */
export function buildReportMessageData(
  notice: ReportStatusNotice,
  at: Date,
  fields: readonly TemplateField[],
  timeZone = DEFAULT_TIME_ZONE,
): TemplateData {
  const data: TemplateData = {};
  for (const field of fields) {
    const type = templateFieldType(field.key);
    if (type === null) throw new Error(`Unsupported template key ${field.key}`);
    data[field.key] = { value: formatValue(type, field.source, notice, at, timeZone) };
  }
  return data;
}

function formatValue(
  type: TemplateFieldType,
  source: TemplateFieldSource,
  notice: ReportStatusNotice,
  at: Date,
  timeZone: string,
): string {
  switch (type) {
    case 'time':
      return `${chinaDate(at, timeZone)} ${clockTime(at, timeZone)}`;
    case 'date':
      return chinaDate(at, timeZone);
    case 'number':
      return String(Math.abs(Math.trunc(notice.points ?? 0)));
    case 'phrase': {
      const han = (text: string) => Array.from(text.match(/\p{Script=Han}/gu) ?? []).slice(0, 5);
      const chars = han(textOf(source, notice));
      // A note in Latin letters has no 汉字 to keep; the status word always has.
      return (chars.length > 0 ? chars : han(REPORT_STATUS_WORDS[notice.status])).join('');
    }
    case 'thing':
    case 'short_thing':
      return truncate(textOf(source, notice), MAX_LENGTH[type]);
  }
}

/** The text a source stands for, cleaned of what WeChat refuses; never empty. */
function textOf(source: TemplateFieldSource, notice: ReportStatusNotice): string {
  switch (source) {
    case 'category':
      return clean(notice.categoryName) || clean(notice.category) || '报事';
    case 'status':
      return REPORT_STATUS_WORDS[notice.status];
    case 'note':
      return noteOf(notice);
    case 'points':
      return String(notice.points ?? 0);
    case 'time':
      return '';
  }
}

function noteOf(notice: ReportStatusNotice): string {
  const note = clean(notice.note ?? '');
  const points = notice.points ?? 0;
  if (notice.status === 'resolved' && points > 0) {
    return note ? `获得${points}积分：${note}` : `问题已办结，获得${points}积分`;
  }
  return note || DEFAULT_NOTES[notice.status];
}

/**
 * One line without control characters (WeChat refuses line breaks) or characters beyond the
 * Basic Multilingual Plane (emoji, which its `thing` type does not take).
 */
export function clean(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/[\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters (code points), the last one an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function partsOf(at: Date, timeZone: string): Record<string, string> {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
}

function chinaDate(at: Date, timeZone: string): string {
  const parts = partsOf(at, timeZone);
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

function clockTime(at: Date, timeZone: string): string {
  const parts = partsOf(at, timeZone);
  return `${parts.hour}:${parts.minute}`;
}
