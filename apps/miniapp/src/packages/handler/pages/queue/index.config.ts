export default definePageConfig({
  navigationBarTitleText: '报事处理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
