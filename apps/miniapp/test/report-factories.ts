/** Reports, categories and notifications shaped by the contract, for the client's tests. */
import type {
  DepartmentView,
  MediaView,
  NotificationView,
  PossibleDuplicate,
  ReportCategoryView,
  ReportSummary,
  ReportView,
} from '@yizhan/contracts';
import type { ReportDraft } from '../src/services/report-queue';

export function category(
  code: string,
  extra: Partial<ReportCategoryView> = {},
): ReportCategoryView {
  return {
    id: `cat-${code}`,
    code,
    name: code === 'guardrail' ? '护栏/设施损坏' : code === 'road' ? '道路破损' : `类别 ${code}`,
    icon: code === 'guardrail' ? 'guardrail' : code === 'road' ? 'road' : 'other',
    slaHours: 48,
    regionId: 'region-liuyang',
    defaultDepartment: null,
    active: true,
    sortOrder: 0,
    ...extra,
  };
}

export function media(id: string): MediaView {
  return {
    id,
    url: `/api/v1/media/${id}/full?exp=1&sig=s`,
    thumbUrl: `/api/v1/media/${id}/thumb?exp=1&sig=s`,
    width: 1600,
    height: 1200,
    urlExpiresAt: '2026-11-24T11:00:00+08:00',
  };
}

export function reportSummary(id: string, extra: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id,
    category: 'guardrail',
    categoryName: '护栏/设施损坏',
    categoryIcon: 'guardrail',
    status: 'submitted',
    excerpt: '风光桥中央隔离护栏倾斜',
    address: '浏阳河中路风光桥',
    lat: 28.16,
    lng: 113.64,
    createdAt: '2026-11-24T09:00:00+08:00',
    updatedAt: '2026-11-24T09:00:00+08:00',
    dueAt: '2026-11-26T09:00:00+08:00',
    overdue: false,
    thumbUrl: null,
    photoCount: 0,
    flags: [],
    ...extra,
  };
}

export function reportView(id: string, extra: Partial<ReportView> = {}): ReportView {
  return {
    ...reportSummary(id),
    clientRequestId: `crid-${id}`,
    description: '风光桥中央隔离护栏倾斜，夜里骑车很危险',
    regionId: 'region-liuyang',
    regionName: '浏阳市',
    photos: [],
    department: null,
    duplicateOfId: null,
    meTooCount: 0,
    reporter: null,
    points: null,
    timeline: [
      {
        action: 'submit',
        actorRole: 'worker',
        note: null,
        at: '2026-11-24T09:00:00+08:00',
        department: null,
        photos: [],
      },
    ],
    allowedActions: [],
    possibleDuplicates: [],
    ...extra,
  };
}

export function possibleDuplicate(
  id: string,
  extra: Partial<PossibleDuplicate> = {},
): PossibleDuplicate {
  return {
    id,
    category: 'guardrail',
    status: 'accepted',
    address: '浏阳河中路风光桥北',
    distanceM: 120,
    createdAt: '2026-11-23T18:00:00+08:00',
    meTooCount: 2,
    ...extra,
  };
}

export function department(id: string, name: string): DepartmentView {
  return { id, name, regionId: 'region-liuyang', phone: null };
}

export function notification(id: string, extra: Partial<NotificationView> = {}): NotificationView {
  return {
    id,
    kind: 'report_status',
    createdAt: '2026-11-24T10:00:00+08:00',
    readAt: null,
    report: {
      reportId: 'r1',
      category: 'guardrail',
      categoryName: '护栏/设施损坏',
      action: 'accept',
      status: 'accepted',
      note: null,
      points: null,
    },
    ...extra,
  };
}

export function draft(id: string, extra: Partial<ReportDraft> = {}): ReportDraft {
  return {
    clientRequestId: id,
    userId: 'user-1',
    category: 'guardrail',
    categoryName: '护栏/设施损坏',
    categoryIcon: 'guardrail',
    description: '风光桥中央隔离护栏倾斜',
    lat: 28.16,
    lng: 113.64,
    accuracy: 20,
    address: '浏阳河中路风光桥',
    photos: [],
    createdAt: '2026-11-24T09:00:00.000Z',
    state: 'pending',
    errorCode: null,
    attempts: 0,
    lastAttemptAt: null,
    ...extra,
  };
}
