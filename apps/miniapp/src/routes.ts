/** Page paths of the app, so a moved page breaks the compiler rather than a tap. */
export const PagePath = {
  stations: '/pages/stations/index',
  scan: '/pages/scan/index',
  report: '/pages/report/index',
  points: '/pages/points/index',
  me: '/pages/me/index',
  stationDetail: '/packages/stations/pages/detail/index',
  checkinResult: '/packages/checkin/pages/result/index',
  myCheckins: '/packages/checkin/pages/history/index',
  stationAdmin: '/packages/station-admin/pages/home/index',
  stationLiveCode: '/packages/station-admin/pages/live-code/index',
  login: '/packages/account/pages/login/index',
  editProfile: '/packages/account/pages/profile/index',
  rewards: '/packages/rewards/pages/list/index',
  rewardDetail: '/packages/rewards/pages/detail/index',
  redemptionCode: '/packages/rewards/pages/code/index',
  myRedemptions: '/packages/rewards/pages/redemptions/index',
  pointsRules: '/packages/rewards/pages/rules/index',
  merchantWorkspace: '/packages/merchant/pages/workspace/index',
  merchantSettlement: '/packages/merchant/pages/settlement/index',
  myReports: '/packages/reports/pages/mine/index',
  /** WeChat's report-status messages open this page (`?id=<reportId>`): keep the path. */
  reportDetail: '/packages/reports/pages/detail/index',
  notifications: '/packages/reports/pages/notifications/index',
  handlerQueue: '/packages/handler/pages/queue/index',
  handlerReport: '/packages/handler/pages/detail/index',
} as const;

export function stationDetailUrl(id: string): string {
  return `${PagePath.stationDetail}?id=${encodeURIComponent(id)}`;
}

export function rewardDetailUrl(id: string): string {
  return `${PagePath.rewardDetail}?id=${encodeURIComponent(id)}`;
}

export function redemptionCodeUrl(id: string): string {
  return `${PagePath.redemptionCode}?id=${encodeURIComponent(id)}`;
}

export function stationAdminUrl(stationId: string): string {
  return `${PagePath.stationAdmin}?id=${encodeURIComponent(stationId)}`;
}

export function stationLiveCodeUrl(stationId: string): string {
  return `${PagePath.stationLiveCode}?id=${encodeURIComponent(stationId)}`;
}

export function reportDetailUrl(id: string): string {
  return `${PagePath.reportDetail}?id=${encodeURIComponent(id)}`;
}

export function handlerReportUrl(id: string): string {
  return `${PagePath.handlerReport}?id=${encodeURIComponent(id)}`;
}
