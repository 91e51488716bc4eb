import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { errorText } from '../../i18n/errors';
import { t } from './messages';

interface LoginForm {
  username: string;
  password: string;
}

function loginErrorText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return t('error.credentials');
  if (error instanceof ApiError && error.code === 'RATE_LIMITED') return t('error.locked');
  return errorText(error);
}

export function LoginPage() {
  const { login } = useAuth();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
    } catch (failure) {
      setError(loginErrorText(failure));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f6f7' }}>
      <Card style={{ width: 380 }} className="login-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form<LoginForm> layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="username"
            label={t('username')}
            rules={[{ required: true, whitespace: true, message: t('username') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('password')}
            rules={[{ required: true, message: t('password') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
