import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initLocale } from './i18n';
import { installTokenRefresher } from './services/auth';
import './app.scss';

// At module load, before any page exists: the first request may already need a refresh.
installTokenRefresher();

function App({ children }: PropsWithChildren): PropsWithChildren['children'] {
  useLaunch(() => {
    initLocale();
  });
  // `children` is the page being shown.
  return children;
}

export default App;
