import { API_PREFIX, ErrorCode } from '@yizhan/contracts';
import { bodyOf, fail, ok, sentTo, serveRoutes } from '../../test/factories';
import { category, department, reportView } from '../../test/report-factories';
import { restoreSession } from '../../test/session-fixtures';
import { taroFake } from '../../test/taro-fake';
import { ApiError } from './api-error';
import {
  actOnReport,
  createReport,
  getReport,
  listDepartments,
  listMyReports,
  listPossibleDuplicates,
  listReportCategories,
  listReportQueue,
  updateReport,
} from './reports';
import { setTokenRefresher } from './request';

const urlOf = (index: number) => taroFake.requests[index]?.url.replace(API_PREFIX, '');

describe('reports service', () => {
  beforeEach(() => {
    taroFake.reset();
    setTokenRefresher(null);
    restoreSession();
  });

  it('asks for the categories of a place, of a region, or all of them', async () => {
    serveRoutes({ 'GET /report-categories': () => ok([category('guardrail')]) });

    await expect(listReportCategories({ lat: 28.16, lng: 113.64 })).resolves.toHaveLength(1);
    await listReportCategories({ regionId: 'region-1' });
    await listReportCategories();

    expect(urlOf(0)).toBe('/report-categories?lat=28.16&lng=113.64');
    expect(urlOf(1)).toBe('/report-categories?regionId=region-1');
    expect(urlOf(2)).toBe('/report-categories');
  });

  it('asks for possible duplicates with the form’s category and place', async () => {
    serveRoutes({ 'GET /reports/possible-duplicates': () => ok([]) });

    await listPossibleDuplicates({ category: 'road', lat: 28.1, lng: 113.6, accuracy: 15 });
    await listPossibleDuplicates({ category: 'road', lat: 28.1, lng: 113.6, accuracy: null });

    expect(urlOf(0)).toBe(
      '/reports/possible-duplicates?category=road&lat=28.1&lng=113.6&accuracy=15',
    );
    expect(urlOf(1)).toBe('/reports/possible-duplicates?category=road&lat=28.1&lng=113.6');
  });

  it('files a report and lists the caller’s own and the handler’s queue', async () => {
    serveRoutes({
      'POST /reports': () => ok(reportView('r1'), 201),
      'GET /reports': () => ok({ items: [], nextCursor: null }),
    });
    const body = {
      clientRequestId: '3f0c8a52-5d1b-4d5e-9a47-0e6f3d1c2b11',
      category: 'guardrail',
      description: '护栏倾斜',
      lat: 28.16,
      lng: 113.64,
      mediaIds: ['m-1'],
    };

    await expect(createReport(body)).resolves.toMatchObject({ id: 'r1' });
    await listMyReports({ limit: 20 });
    await listReportQueue({ status: 'submitted', category: 'road', overdue: true, limit: 20 });
    await listReportQueue({ overdue: false });

    expect(bodyOf(sentTo('POST /reports')[0])).toEqual(body);
    expect(urlOf(1)).toBe('/reports?mine=true&limit=20');
    expect(urlOf(2)).toBe('/reports?status=submitted&category=road&overdue=true&limit=20');
    expect(urlOf(3)).toBe('/reports');
  });

  it('reads, edits and acts on one report', async () => {
    serveRoutes({
      'GET /reports/r1': () => ok(reportView('r1')),
      'PATCH /reports/r1': () => ok(reportView('r1')),
      'POST /reports/r1/dispatch': () => ok(reportView('r1', { status: 'dispatched' })),
    });

    await getReport('r1');
    await updateReport('r1', { description: '补充', addMediaIds: ['m-2'] });
    await actOnReport('r1', 'dispatch', { departmentId: 'd-1', note: '请尽快' });

    expect(bodyOf(sentTo('PATCH /reports/r1')[0])).toEqual({
      description: '补充',
      addMediaIds: ['m-2'],
    });
    expect(bodyOf(sentTo('POST /reports/r1/dispatch')[0])).toEqual({
      departmentId: 'd-1',
      note: '请尽快',
    });
  });

  it('throws the contract’s code when a step is no longer allowed', async () => {
    serveRoutes({
      'POST /reports/r1/accept': () => fail(409, ErrorCode.REPORT_BAD_TRANSITION),
    });

    await expect(actOnReport('r1', 'accept', {})).rejects.toMatchObject({
      code: ErrorCode.REPORT_BAD_TRANSITION,
      status: 409,
    });
    await expect(actOnReport('r1', 'accept', {})).rejects.toBeInstanceOf(ApiError);
  });

  it('lists the departments of a region', async () => {
    serveRoutes({ 'GET /departments': () => ok([department('d-1', '市政园林维护中心')]) });

    await expect(listDepartments('region-1')).resolves.toEqual([
      department('d-1', '市政园林维护中心'),
    ]);
    expect(urlOf(0)).toBe('/departments?regionId=region-1');
  });
});
