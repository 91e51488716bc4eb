import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { saveSession } from '../api/session';
import { AuthProvider } from '../auth/AuthProvider';

export const ADMIN_REGION_ID = '00000000-0000-4000-8000-000000000001';

/** Renders a page as a signed-in console would, with a fresh query cache (no retries). */
export function renderPage(page: ReactElement, { signedIn = true, path = '/' } = {}) {
  if (signedIn) saveSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <QueryClientProvider client={client}>
          <MemoryRouter initialEntries={[path]}>
            <AuthProvider>{page}</AuthProvider>
          </MemoryRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
}
