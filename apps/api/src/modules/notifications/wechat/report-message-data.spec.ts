import { ReportStatus, ReportStatusNotice } from '@yizhan/contracts';
import { TemplateField } from '../../../config/app-config';
import {
  buildReportMessageData,
  clean,
  REPORT_STATUS_WORDS,
  reportMessagePage,
  truncate,
} from './report-message-data';

const DEFAULT_FIELDS: TemplateField[] = [
  { key: 'thing1', source: 'category' },
  { key: 'phrase2', source: 'status' },
  { key: 'time3', source: 'time' },
  { key: 'thing4', source: 'note' },
];
/** 08:05 on 30 November in Beijing. */
const AT = new Date('2026-11-30T00:05:00Z');

function notice(changes: Partial<ReportStatusNotice> = {}): ReportStatusNotice {
  return {
    reportId: '0b7c6f1e-3f57-4d1e-9a55-5d2b8a1f0c11',
    category: 'road_damage',
    categoryName: '道路破损',
    action: 'accept',
    status: 'accepted',
    note: null,
    points: null,
    ...changes,
  };
}

describe(buildReportMessageData.name, () => {
  it('fills the default template: category, status word, China time and a note', () => {
    expect(buildReportMessageData(notice(), AT, DEFAULT_FIELDS)).toEqual({
      thing1: { value: '道路破损' },
      phrase2: { value: '已受理' },
      time3: { value: '2026年11月30日 08:05' },
      thing4: { value: '已受理，将尽快处理' },
    });
  });

  it.each<[ReportStatus, string]>([
    ['submitted', '已提交'],
    ['accepted', '已受理'],
    ['dispatched', '已派单'],
    ['resolved', '已办结'],
    ['rejected', '未采纳'],
    ['duplicate', '重复上报'],
    ['closed', '已关闭'],
  ])('words status %s as %s, short enough for a phrase field', (status, word) => {
    const data = buildReportMessageData(notice({ status }), AT, DEFAULT_FIELDS);

    expect(data.phrase2.value).toBe(word);
    expect(REPORT_STATUS_WORDS[status]).toMatch(/^\p{Script=Han}{1,5}$/u);
    expect(Array.from(data.thing4.value).length).toBeLessThanOrEqual(20);
  });

  it('cuts a long handler note to 20 characters with an ellipsis', () => {
    const note = '已联系市政部门更换护栏，预计三个工作日内完成施工，请注意绕行';

    const data = buildReportMessageData(notice({ status: 'dispatched', note }), AT, DEFAULT_FIELDS);

    expect(data.thing4.value).toBe('已联系市政部门更换护栏，预计三个工作日…');
    expect(Array.from(data.thing4.value)).toHaveLength(20);
  });

  it('keeps the note on one line and drops emoji WeChat refuses', () => {
    const data = buildReportMessageData(
      notice({ status: 'rejected', note: ' 照片不清晰\n请重新拍摄😀 ' }),
      AT,
      DEFAULT_FIELDS,
    );

    expect(data.thing4.value).toBe('照片不清晰 请重新拍摄');
  });

  it('says the points a resolved report earned', () => {
    const plain = buildReportMessageData(
      notice({ status: 'resolved', points: 10 }),
      AT,
      DEFAULT_FIELDS,
    );
    const noted = buildReportMessageData(
      notice({ status: 'resolved', points: 10, note: '护栏已修复' }),
      AT,
      DEFAULT_FIELDS,
    );

    expect(plain.thing4.value).toBe('问题已办结，获得10积分');
    expect(noted.thing4.value).toBe('获得10积分：护栏已修复');
  });

  it('formats every supported field type by its own rule', () => {
    const data = buildReportMessageData(
      notice({ categoryName: '消防通道堵塞严重隐患', note: 'OK 已处理', points: 5 }),
      AT,
      [
        { key: 'short_thing1', source: 'category' },
        { key: 'phrase2', source: 'category' },
        { key: 'phrase3', source: 'note' },
        { key: 'date4', source: 'time' },
        { key: 'number5', source: 'points' },
      ],
    );

    expect(data).toEqual({
      short_thing1: { value: '消防通道…' },
      phrase2: { value: '消防通道堵' },
      phrase3: { value: '已处理' },
      date4: { value: '2026年11月30日' },
      number5: { value: '5' },
    });
  });

  it('falls back to the status word when a phrase field has no Chinese to show', () => {
    const data = buildReportMessageData(notice({ note: 'fixed' }), AT, [
      { key: 'phrase1', source: 'note' },
    ]);

    expect(data.phrase1.value).toBe('已受理');
  });

  it('never sends an empty category', () => {
    const data = buildReportMessageData(notice({ categoryName: ' \n ', category: '' }), AT, [
      { key: 'thing1', source: 'category' },
    ]);

    expect(data.thing1.value).toBe('报事');
  });

  it('reads the time on Beijing clocks across midnight UTC', () => {
    const data = buildReportMessageData(notice(), new Date('2026-12-31T16:30:00Z'), [
      { key: 'time1', source: 'time' },
    ]);

    expect(data.time1.value).toBe('2027年1月1日 00:30');
  });
});

describe('report message helpers', () => {
  it('opens the report detail page of the reports subpackage', () => {
    expect(reportMessagePage('abc')).toBe('packages/reports/pages/detail/index?id=abc');
  });

  it('truncates by characters, not UTF-16 units', () => {
    expect(truncate('一二三四五六', 5)).toBe('一二三四…');
    expect(truncate('一二三四五', 5)).toBe('一二三四五');
  });

  it('cleans control characters and collapses whitespace', () => {
    expect(clean('a\u0000b\u200bc\t\td')).toBe('a b c d');
  });
});
