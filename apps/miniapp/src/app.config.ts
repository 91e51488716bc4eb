// Tab labels are fixed here (app.json is static; WeChat reads it before any script runs), so they
// repeat the zh-CN catalogue's 'tab.*' texts.
export default defineAppConfig({
  // Main package: the five tab pages only (WeChat limits it to 2 MB).
  pages: [
    'pages/stations/index',
    'pages/scan/index',
    'pages/report/index',
    'pages/points/index',
    'pages/me/index',
  ],
  // Everything else lives in a subpackage per area under src/packages/<area>/. Later areas slot
  // in as more entries: { root: 'packages/reports', pages: [...] }, then staff.
  subPackages: [
    {
      root: 'packages/stations',
      pages: ['pages/detail/index'],
    },
    {
      // A check-in's outcome (scanned on the 扫码 tab) and the worker's past visits.
      root: 'packages/checkin',
      pages: ['pages/result/index', 'pages/history/index'],
    },
    {
      // A station manager's own station: today's visitors, status, amenities, poster, live code.
      root: 'packages/station-admin',
      pages: ['pages/home/index', 'pages/live-code/index'],
    },
    {
      root: 'packages/account',
      pages: ['pages/login/index', 'pages/profile/index'],
    },
    {
      // Spending points: the rewards, one reward, its code, the worker's codes, the rules.
      root: 'packages/rewards',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/code/index',
        'pages/redemptions/index',
        'pages/rules/index',
      ],
    },
    {
      // The merchant counter (merchant staff, station managers): verify and fulfil, settlement.
      root: 'packages/merchant',
      pages: ['pages/workspace/index', 'pages/settlement/index'],
    },
    {
      // A worker's reports (with those waiting on the phone), one report, the notifications.
      // WeChat's report-status messages open pages/detail/index?id=<reportId>: keep that path.
      root: 'packages/reports',
      pages: ['pages/mine/index', 'pages/detail/index', 'pages/notifications/index'],
    },
    {
      // The handler's workspace (路长, community staff): the queue of their area, one report.
      root: 'packages/handler',
      pages: ['pages/queue/index', 'pages/detail/index'],
    },
  ],
  // Fetch the subpackage a tab leads to while the tab is shown: 我的 → login and profile,
  // 积分 → rewards and codes, 扫码 → the check-in result (shown right after a scan),
  // 报事 → the worker's reports and the report just filed.
  preloadRule: {
    'pages/scan/index': { network: 'all', packages: ['packages/checkin'] },
    'pages/report/index': { network: 'all', packages: ['packages/reports'] },
    'pages/me/index': { network: 'all', packages: ['packages/account'] },
    'pages/points/index': { network: 'all', packages: ['packages/rewards'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '驿站',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#7A7E83',
    selectedColor: '#D9381E',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/stations/index',
        text: '驿站',
        iconPath: 'assets/tabbar/stations.png',
        selectedIconPath: 'assets/tabbar/stations-active.png',
      },
      {
        pagePath: 'pages/scan/index',
        text: '扫码',
        iconPath: 'assets/tabbar/scan.png',
        selectedIconPath: 'assets/tabbar/scan-active.png',
      },
      {
        pagePath: 'pages/report/index',
        text: '报事',
        iconPath: 'assets/tabbar/report.png',
        selectedIconPath: 'assets/tabbar/report-active.png',
      },
      {
        pagePath: 'pages/points/index',
        text: '积分',
        iconPath: 'assets/tabbar/points.png',
        selectedIconPath: 'assets/tabbar/points-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
  // wx.getLocation and wx.chooseLocation (the report's map picker) must be declared (since 2022)
  // and explained to the user.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': {
      desc: '你的位置用于查找附近驿站、签到时核实你在驿站附近，以及标明报事的地点',
    },
  },
});
