import PlusOutlined from '@ant-design/icons/PlusOutlined';
import { Routes, type Role, type StaffAccount, STAFF_ROLES } from '@yizhan/contracts';
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCursorList } from '../../hooks/useCursorList';
import { useRegions } from '../../hooks/useRegions';
import { roleLabel } from '../../i18n/roles';
import { formatShanghai } from '../../i18n/shanghai-time';
import { t } from './messages';
import { StaffFormModal } from './StaffFormModal';
import { useMerchantOptions, useStationOptions } from './useScopeOptions';

/** Names an account's scope: its station or merchant where it has one, else its region. */
function useScopeText() {
  const regions = useRegions();
  const stations = useStationOptions();
  const merchants = useMerchantOptions();
  return (account: StaffAccount) => {
    const region = regions.nameOf(account.regionId);
    if (account.stationId) {
      const station = stations.data?.items.find((item) => item.id === account.stationId);
      return station
        ? t('scope.station', { name: station.name })
        : t('scope.unknownStation', { region });
    }
    if (account.merchantId) {
      const merchant = merchants.data?.items.find((item) => item.id === account.merchantId);
      return merchant
        ? t('scope.merchant', { name: merchant.name })
        : t('scope.unknownMerchant', { region });
    }
    return t('scope.region', { name: region });
  };
}

/** Staff and merchant accounts of the admin's region, by username, and the form to add one. */
export function StaffPage() {
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const staff = useCursorList<StaffAccount>(['staff', role ?? 'all'], Routes.staff, { role });
  const scopeText = useScopeText();

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card>
        <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
          <Typography.Text>{t('filter.role')}</Typography.Text>
          <Select<Role>
            aria-label={t('filter.role')}
            allowClear
            placeholder={t('filter.allRoles')}
            style={{ width: 200 }}
            value={role}
            onChange={setRole}
            options={STAFF_ROLES.map((value) => ({ value, label: roleLabel(value) }))}
          />
        </Flex>
        <QueryState
          query={staff}
          isEmpty={(rows) => rows.length === 0}
          emptyText={role ? t('emptyFiltered') : t('empty')}
        >
          {(rows) => (
            <>
              <Table<StaffAccount>
                rowKey={(row) =>
                  `${row.id}:${row.role}:${row.regionId}:${row.stationId}:${row.merchantId}`
                }
                dataSource={rows}
                pagination={false}
                columns={[
                  {
                    title: t('column.username'),
                    dataIndex: 'username',
                    render: (username: string) => (
                      <Typography.Text strong>{username}</Typography.Text>
                    ),
                  },
                  {
                    title: t('column.nickname'),
                    dataIndex: 'nickname',
                    render: (nickname: string | null) =>
                      nickname ?? (
                        <Typography.Text type="secondary">{t('noNickname')}</Typography.Text>
                      ),
                  },
                  {
                    title: t('column.role'),
                    dataIndex: 'role',
                    render: (value: Role) => roleLabel(value),
                  },
                  {
                    title: t('column.scope'),
                    key: 'scope',
                    render: (_, account) => scopeText(account),
                  },
                  {
                    title: t('column.createdAt'),
                    dataIndex: 'createdAt',
                    render: (at: string) => formatShanghai(at),
                  },
                ]}
              />
              <LoadMoreButton list={staff} />
            </>
          )}
        </QueryState>
      </Card>
      {creating ? <StaffFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
