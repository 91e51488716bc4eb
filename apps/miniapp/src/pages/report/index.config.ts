export default definePageConfig({
  navigationBarTitleText: '随手报事',
});
