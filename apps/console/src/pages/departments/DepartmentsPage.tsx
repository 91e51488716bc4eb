import PlusOutlined from '@ant-design/icons/PlusOutlined';
import type { DepartmentView } from '@yizhan/contracts';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ScopeRegionSelect } from '../../components/ScopeRegionSelect';
import { useDepartments } from '../../hooks/useDepartments';
import { useRegionIndex } from '../../hooks/useRegionIndex';
import { DepartmentFormModal } from './DepartmentFormModal';
import { t } from './messages';

/** The departments serving a region of the admin's, and the form to add one. */
export function DepartmentsPage() {
  const { adminRegionId } = useAuth();
  const regions = useRegionIndex();
  // The admin's own region until they pick another of theirs.
  const [picked, setRegionId] = useState<string>();
  const regionId = picked ?? adminRegionId ?? '';
  const [creating, setCreating] = useState(false);
  const departments = useDepartments(regionId);
  const lineage = regions.lineageOf(regionId);
  const relation = (id: string) =>
    id === regionId ? (
      <Tag color="blue">{t('own')}</Tag>
    ) : lineage.includes(id) ? (
      <Tag>{t('above')}</Tag>
    ) : (
      <Tag color="default">{t('below')}</Tag>
    );

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
          <Typography.Text>{t('region')}</Typography.Text>
          <ScopeRegionSelect value={regionId} onChange={setRegionId} style={{ width: 280 }} />
        </Flex>
        <QueryState
          query={departments}
          isEmpty={(rows) => rows.length === 0}
          emptyText={t('empty')}
          emptyAction={
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('create')}
            </Button>
          }
        >
          {(rows) => (
            <Table<DepartmentView>
              rowKey="id"
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50 } : false}
              columns={[
                { title: t('column.name'), dataIndex: 'name' },
                {
                  title: t('column.region'),
                  dataIndex: 'regionId',
                  render: (id: string) => (
                    <Space size={4}>
                      {regions.nameOf(id)}
                      {relation(id)}
                    </Space>
                  ),
                },
                {
                  title: t('column.phone'),
                  dataIndex: 'phone',
                  render: (phone: string | null) =>
                    phone ?? <Typography.Text type="secondary">{t('noPhone')}</Typography.Text>,
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      {creating ? (
        <DepartmentFormModal regionId={regionId} onClose={() => setCreating(false)} />
      ) : null}
    </>
  );
}
