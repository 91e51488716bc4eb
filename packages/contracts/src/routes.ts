/** Route paths of the HTTP contract, relative to API_PREFIX unless noted. */
export const API_PREFIX = '/api/v1';

export const Routes = {
  health: '/health', // outside API_PREFIX
  ready: '/ready', // outside API_PREFIX
  docs: '/api/docs', // outside API_PREFIX
  docsJson: '/api/docs-json', // outside API_PREFIX
  regions: '/regions',
  stations: '/stations',
  station: (id: string) => `/stations/${encodeURIComponent(id)}`,
  stationPoster: (id: string) => `/stations/${encodeURIComponent(id)}/poster`,
  stationLiveCode: (id: string) => `/stations/${encodeURIComponent(id)}/live-code`,
  stationCodeRotation: (id: string) => `/stations/${encodeURIComponent(id)}/code-rotation`,
  stationVisits: (id: string) => `/stations/${encodeURIComponent(id)}/visits`,
  visitStats: '/stations/visit-stats',
  visitStatsCsv: '/stations/visit-stats.csv',
  checkins: '/checkins',
  authWechat: '/auth/wechat',
  authSmsSend: '/auth/sms/send',
  authSmsLogin: '/auth/sms/login',
  authLogin: '/auth/login',
  authRefresh: '/auth/refresh',
  authLogout: '/auth/logout',
  me: '/me',
  meExport: '/me/export',
  meConsents: '/me/consents',
  meConsent: (kind: string) => `/me/consents/${encodeURIComponent(kind)}`,
  staff: '/staff',
  merchants: '/merchants',
  auditLog: '/audit-log',
  pointsBalance: '/points/balance',
  pointsTransfers: '/points/transfers',
  pointsRules: '/points/rules',
  pointsAdjustments: '/points/adjustments',
  ledgerCheck: '/admin/ledger/check',
  rewards: '/rewards',
  reward: (id: string) => `/rewards/${encodeURIComponent(id)}`,
  redemptions: '/redemptions',
  redemption: (id: string) => `/redemptions/${encodeURIComponent(id)}`,
  redemptionQr: (id: string) => `/redemptions/${encodeURIComponent(id)}/qr`,
  redemptionCancel: (id: string) => `/redemptions/${encodeURIComponent(id)}/cancel`,
  redemptionsVerify: '/redemptions/verify',
  redemptionsFulfil: '/redemptions/fulfil',
  merchantRedemptions: '/merchant/redemptions',
  merchantSettlement: '/merchant/settlement',
  media: '/media',
  /** Signed photo files, outside API_PREFIX's auth: `?exp=&sig=` in the query. */
  mediaFile: (id: string, variant: 'full' | 'thumb') =>
    `/media/${encodeURIComponent(id)}/${variant}`,
  reportCategories: '/report-categories',
  reportCategory: (id: string) => `/report-categories/${encodeURIComponent(id)}`,
  departments: '/departments',
  reports: '/reports',
  reportPossibleDuplicates: '/reports/possible-duplicates',
  report: (id: string) => `/reports/${encodeURIComponent(id)}`,
  reportAction: (id: string, action: 'accept' | 'dispatch' | 'resolve' | 'reject' | 'duplicate') =>
    `/reports/${encodeURIComponent(id)}/${action}`,
  notifications: '/notifications',
  notificationRead: (id: string) => `/notifications/${encodeURIComponent(id)}/read`,
  notificationsReadAll: '/notifications/read-all',
  notificationSubscriptions: '/notifications/subscriptions',
  notificationSettings: '/notifications/settings',
} as const;
