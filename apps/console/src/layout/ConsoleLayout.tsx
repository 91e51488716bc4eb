import { LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { useRegions } from '../hooks/useRegions';
import { tc } from '../i18n/common';
import { getLocale, setLocale } from '../i18n/locale';
import { CONSOLE_ROUTES } from '../routes';

/** Desktop frame: the menu on the left, who is signed in and where on top, the page inside. */
export function ConsoleLayout() {
  const { me, adminRegionId, logout } = useAuth();
  const regions = useRegions();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = location.pathname.split('/').filter(Boolean)[0] ?? '';

  const switchLocale = () => {
    setLocale(getLocale() === 'zh-CN' ? 'en-US' : 'zh-CN');
    window.location.reload();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="light" breakpoint="lg" collapsedWidth={64}>
        <Typography.Title level={5} style={{ padding: '16px 20px', margin: 0, color: '#D9381E' }}>
          {tc('app.shortTitle')}
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={CONSOLE_ROUTES.map((route) => ({
            key: route.path,
            icon: route.icon,
            label: route.label(),
          }))}
          onClick={({ key }) => navigate(`/${key}`)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0' }}
        >
          <Flex justify="flex-end" align="center" gap={16} style={{ height: '100%' }}>
            <Typography.Text type="secondary" className="console-header__region">
              {tc('region.label')}：{regions.nameOf(adminRegionId)}
            </Typography.Text>
            <Typography.Text className="console-header__user">
              {me?.nickname ?? me?.username}
            </Typography.Text>
            <Button icon={<TranslationOutlined />} type="text" onClick={switchLocale}>
              {tc('locale.switch')}
            </Button>
            <Button icon={<LogoutOutlined />} type="text" onClick={() => void logout()}>
              {tc('action.logout')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
