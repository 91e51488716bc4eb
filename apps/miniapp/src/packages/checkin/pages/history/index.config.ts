export default definePageConfig({
  navigationBarTitleText: '我的签到记录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
