import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initLocale } from './i18n';
import './app.scss';

function App({ children }: PropsWithChildren): PropsWithChildren['children'] {
  useLaunch(() => {
    initLocale();
  });
  // `children` is the page being shown.
  return children;
}

export default App;
