export default definePageConfig({
  navigationBarTitleText: '附近驿站',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
