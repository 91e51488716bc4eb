import { useMutation } from '@tanstack/react-query';
import { Routes, type LedgerCheckResult, type LedgerMismatch } from '@yizhan/contracts';
import { Alert, Button, Card, Result, Table, Typography } from 'antd';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../i18n/errors';
import { formatShanghai } from '../../i18n/shanghai-time';
import { t } from './messages';

type FieldKey = Parameters<typeof t>[0] & `field.${string}`;

function fieldLabel(field: string): string {
  const key = `field.${field}` as FieldKey;
  const text = t(key);
  return text === undefined ? field : text;
}

/** Runs `GET /admin/ledger/check` on demand and shows every disagreement it found. */
export function LedgerCheckPage() {
  const check = useMutation({
    mutationFn: () => api.get<LedgerCheckResult>(Routes.ledgerCheck),
  });
  const result = check.data;
  const at = result ? formatShanghai(result.checkedAt, 'YYYY-MM-DD HH:mm:ss') : '';

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Button type="primary" loading={check.isPending} onClick={() => check.mutate()}>
            {check.isPending ? t('running') : t('run')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card>
        {check.error ? (
          <Alert type="error" showIcon title={errorText(check.error)} />
        ) : !result ? (
          <Typography.Text type="secondary">{t('notRun')}</Typography.Text>
        ) : result.mismatches.length === 0 ? (
          <Result
            status="success"
            title={t('clean')}
            subTitle={t('cleanDetail', {
              accounts: result.accounts,
              transfers: result.transfers,
              at,
            })}
          />
        ) : (
          <>
            <Alert
              type="error"
              showIcon
              title={t('dirty', { count: result.mismatches.length })}
              description={t('dirtyDetail', {
                accounts: result.accounts,
                transfers: result.transfers,
                at,
              })}
              style={{ marginBottom: 16 }}
            />
            <Table<LedgerMismatch>
              rowKey={(row) => `${row.accountId ?? 'books'}:${row.field}`}
              dataSource={result.mismatches}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                {
                  title: t('column.account'),
                  dataIndex: 'accountId',
                  render: (id: string | null) => id ?? t('account.books'),
                },
                { title: t('column.field'), dataIndex: 'field', render: fieldLabel },
                { title: t('column.cached'), dataIndex: 'cached', align: 'right' },
                { title: t('column.computed'), dataIndex: 'computed', align: 'right' },
              ]}
            />
          </>
        )}
      </Card>
    </>
  );
}
