import { Button, Result, Skeleton, Spin } from 'antd';
import { Suspense } from 'react';
import { Navigate, Route, Routes as RouterRoutes, useNavigate } from 'react-router-dom';
import { useAuth } from './auth/AuthProvider';
import { errorText } from './i18n/errors';
import { tc } from './i18n/common';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { LoginPage } from './pages/login/LoginPage';
import { CONSOLE_ROUTES } from './routes';

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={tc('notFound.title')}
      extra={<Button onClick={() => navigate('/')}>{tc('notFound.back')}</Button>}
    />
  );
}

/** Who may see what: the login page, a refusal for non-admins, or the console. */
export function App() {
  const { signedIn, loading, error, me, adminRegionId, reload, logout } = useAuth();

  if (!signedIn) return <LoginPage />;
  if (loading) return <Spin fullscreen tip={tc('state.loading')} />;
  if (error || !me) {
    return (
      <Result
        status="warning"
        title={tc('state.loadFailed')}
        subTitle={errorText(error)}
        extra={<Button onClick={reload}>{tc('action.retry')}</Button>}
      />
    );
  }
  if (!adminRegionId) {
    return (
      <Result
        status="403"
        title={tc('forbidden.title')}
        subTitle={tc('forbidden.body')}
        extra={<Button onClick={() => void logout()}>{tc('action.logout')}</Button>}
      />
    );
  }
  return (
    <RouterRoutes>
      <Route element={<ConsoleLayout />}>
        <Route index element={<Navigate to={`/${CONSOLE_ROUTES[0].path}`} replace />} />
        {CONSOLE_ROUTES.map((route) => (
          <Route
            key={route.path}
            path={`${route.path}/*`}
            element={
              <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                <route.page />
              </Suspense>
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </RouterRoutes>
  );
}
