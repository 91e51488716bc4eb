import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initLocale } from './i18n';
import { installTokenRefresher } from './services/auth';
import { installReportQueue } from './services/report-queue';
import './app.scss';

// At module load, before any page exists: the first request may already need a refresh.
installTokenRefresher();
// Reports made without a network go when it returns (and each time the app comes back).
installReportQueue();

function App({ children }: PropsWithChildren): PropsWithChildren['children'] {
  useLaunch(() => {
    initLocale();
  });
  // `children` is the page being shown.
  return children;
}

export default App;
