import { useQuery } from '@tanstack/react-query';
import {
  Routes,
  type AuditEntry,
  type Page,
  type StaffAccount,
  MAX_PAGE_LIMIT,
} from '@yizhan/contracts';
import { Button, Card, Form, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCursorList } from '../../hooks/useCursorList';
import { useRegionIndex } from '../../hooks/useRegionIndex';
import { tc } from '../../i18n/common';
import { roleLabel } from '../../i18n/roles';
import { formatShanghai } from '../../i18n/shanghai-time';
import { AuditDiff } from './AuditDiff';
import { KNOWN_ACTIONS, KNOWN_TARGETS, actionLabel, t, targetLabel } from './messages';

interface AuditFilters {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const shortId = (id: string) => id.slice(0, 8);

/** The accounts of the admin's region by id, to name an entry's actor and to filter by one. */
function useAccounts() {
  const staff = useQuery({
    queryKey: ['staff', 'options'],
    queryFn: ({ signal }) =>
      api.get<Page<StaffAccount>>(Routes.staff, { limit: MAX_PAGE_LIMIT }, signal),
    staleTime: 60_000,
  });
  return useMemo(() => {
    const byId = new Map<string, StaffAccount>();
    for (const account of staff.data?.items ?? []) byId.set(account.id, account);
    return {
      nameOf: (id: string) => byId.get(id)?.username ?? t('actor.account', { id: shortId(id) }),
      options: [...byId.values()].map((account) => ({
        value: account.id,
        label: `${account.username}（${roleLabel(account.role)}）`,
      })),
      loading: staff.isPending,
    };
  }, [staff.data, staff.isPending]);
}

function FilterBar({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const [form] = Form.useForm<AuditFilters>();
  // A filter set from the table (clicking an actor) shows in the form too.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(filters);
  }, [form, filters]);
  const accounts = useAccounts();
  const apply = (values: AuditFilters) =>
    onApply(
      Object.fromEntries(
        Object.entries(values).filter(([, value]) => value !== undefined && value !== ''),
      ),
    );
  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="action" label={t('filter.action')}>
        <Select
          allowClear
          placeholder={t('filter.allActions')}
          style={{ width: 180 }}
          options={KNOWN_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
        />
      </Form.Item>
      <Form.Item name="actorId" label={t('filter.actor')}>
        <Select
          allowClear
          placeholder={t('filter.allActors')}
          style={{ width: 240 }}
          loading={accounts.loading}
          options={accounts.options}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item name="targetType" label={t('filter.targetType')}>
        <Select
          allowClear
          placeholder={t('filter.allTargets')}
          style={{ width: 150 }}
          options={KNOWN_TARGETS.map((type) => ({ value: type, label: targetLabel(type) }))}
        />
      </Form.Item>
      <Form.Item
        name="targetId"
        label={t('filter.targetId')}
        rules={[{ pattern: UUID_PATTERN, message: t('filter.targetIdInvalid') }]}
      >
        <Input allowClear style={{ width: 300 }} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {tc('action.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onApply({});
            }}
          >
            {tc('action.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

/** GET /audit-log of the admin's region, newest first, filtered and paged by cursor. */
export function AuditLogPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const entries = useCursorList<AuditEntry>(['audit-log', filters], Routes.auditLog, {
    ...filters,
  });
  const accounts = useAccounts();
  const regions = useRegionIndex();
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader title={t('title')} />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card>
        <FilterBar filters={filters} onApply={setFilters} />
        <QueryState
          query={entries}
          isEmpty={(rows) => rows.length === 0}
          emptyText={filtered ? t('emptyFiltered') : t('empty')}
        >
          {(rows) => (
            <>
              <Table<AuditEntry>
                rowKey="id"
                dataSource={rows}
                pagination={false}
                expandable={{
                  expandedRowRender: (entry) => (
                    <>
                      <AuditDiff before={entry.before} after={entry.after} />
                      {entry.requestId ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('requestId', { id: entry.requestId })}
                        </Typography.Text>
                      ) : null}
                    </>
                  ),
                }}
                columns={[
                  {
                    title: t('column.time'),
                    dataIndex: 'createdAt',
                    width: 180,
                    render: (at: string) => formatShanghai(at, 'YYYY-MM-DD HH:mm:ss'),
                  },
                  {
                    title: t('column.action'),
                    dataIndex: 'action',
                    render: (action: string) => actionLabel(action),
                  },
                  {
                    title: t('column.actor'),
                    key: 'actor',
                    render: (_, entry) =>
                      entry.actorId ? (
                        <Space orientation="vertical" size={0}>
                          <Tooltip title={t('actor.filterHint')}>
                            <Typography.Link
                              onClick={() => setFilters({ ...filters, actorId: entry.actorId! })}
                            >
                              {accounts.nameOf(entry.actorId)}
                            </Typography.Link>
                          </Tooltip>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {roleLabel(entry.actorRole)}
                          </Typography.Text>
                        </Space>
                      ) : (
                        t('actor.system')
                      ),
                  },
                  {
                    title: t('column.target'),
                    key: 'target',
                    render: (_, entry) => (
                      <Space orientation="vertical" size={0}>
                        {targetLabel(entry.targetType)}
                        {entry.targetId ? (
                          <Typography.Text
                            type="secondary"
                            style={{ fontSize: 12 }}
                            copyable={{ text: entry.targetId }}
                          >
                            {shortId(entry.targetId)}
                          </Typography.Text>
                        ) : null}
                      </Space>
                    ),
                  },
                  {
                    title: t('column.region'),
                    dataIndex: 'regionId',
                    render: (id: string | null) => regions.nameOf(id),
                  },
                  {
                    title: t('column.ip'),
                    dataIndex: 'ip',
                    render: (ip: string | null) => ip ?? '',
                  },
                ]}
              />
              <LoadMoreButton list={entries} />
            </>
          )}
        </QueryState>
      </Card>
    </>
  );
}
