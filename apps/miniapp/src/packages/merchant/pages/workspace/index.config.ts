export default definePageConfig({
  navigationBarTitleText: '商户核销',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
