import PlusOutlined from '@ant-design/icons/PlusOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Routes, type ReportCategoryView } from '@yizhan/contracts';
import { App, Button, Card, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ScopeRegionSelect } from '../../components/ScopeRegionSelect';
import { useRegionIndex } from '../../hooks/useRegionIndex';
import { useRegions } from '../../hooks/useRegions';
import { errorText } from '../../i18n/errors';
import { CategoryFormModal, type CategoryFormMode } from './CategoryFormModal';
import { CategoryIconLabel } from './icons';
import { t } from './messages';

/** Turns a category on or off (PATCH {active}); turning off asks first. */
function ActiveToggle({ category }: { category: ReportCategoryView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () =>
      api.patch<ReportCategoryView>(Routes.reportCategory(category.id), {
        active: !category.active,
      }),
    onSuccess: async (saved) => {
      message.success(saved.active ? t('activated') : t('deactivated'));
      await queryClient.invalidateQueries({ queryKey: ['report-categories'] });
    },
    onError: (error) => message.error(errorText(error)),
  });
  if (!category.active) {
    return (
      <Button type="link" size="small" loading={toggle.isPending} onClick={() => toggle.mutate()}>
        {t('activate')}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={t('deactivate.confirm', { name: category.name })}
      description={t('deactivate.detail')}
      onConfirm={() => toggle.mutate()}
    >
      <Button type="link" size="small" danger loading={toggle.isPending}>
        {t('deactivate')}
      </Button>
    </Popconfirm>
  );
}

/** The categories in force in a region of the admin's: its own, and those it inherits. */
export function CategoriesPage() {
  const { adminRegionId } = useAuth();
  const scope = useRegions();
  const regions = useRegionIndex();
  // The admin's own region until they pick another of theirs.
  const [picked, setRegionId] = useState<string>();
  const regionId = picked ?? adminRegionId ?? '';
  const [form, setForm] = useState<CategoryFormMode | null>(null);
  const categories = useQuery({
    queryKey: ['report-categories', regionId],
    queryFn: ({ signal }) =>
      api.get<ReportCategoryView[]>(Routes.reportCategories, { regionId }, signal),
    enabled: !!regionId,
  });
  const editable = (category: ReportCategoryView) =>
    scope.list.some((region) => region.id === category.regionId);

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setForm({ kind: 'create', regionId })}
          >
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
        <QueryState query={categories} isEmpty={(rows) => rows.length === 0} emptyText={t('empty')}>
          {(rows) => (
            <Table<ReportCategoryView>
              rowKey="id"
              dataSource={rows}
              pagination={false}
              columns={[
                {
                  title: t('column.code'),
                  dataIndex: 'code',
                  render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
                },
                { title: t('column.name'), dataIndex: 'name' },
                {
                  title: t('column.icon'),
                  dataIndex: 'icon',
                  render: (icon: ReportCategoryView['icon']) => <CategoryIconLabel icon={icon} />,
                },
                {
                  title: t('column.sla'),
                  dataIndex: 'slaHours',
                  render: (hours: number) => t('hours', { n: hours }),
                },
                {
                  title: t('column.department'),
                  dataIndex: 'defaultDepartment',
                  render: (department: ReportCategoryView['defaultDepartment']) =>
                    department?.name ?? (
                      <Typography.Text type="secondary">{t('noDepartment')}</Typography.Text>
                    ),
                },
                {
                  title: t('column.active'),
                  dataIndex: 'active',
                  render: (active: boolean) =>
                    active ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>,
                },
                { title: t('column.sortOrder'), dataIndex: 'sortOrder', align: 'right' },
                {
                  title: t('column.region'),
                  dataIndex: 'regionId',
                  render: (id: string) => (
                    <Space size={4}>
                      {regions.nameOf(id)}
                      {id === regionId ? (
                        <Tag color="blue">{t('own')}</Tag>
                      ) : (
                        <Tooltip title={t('inheritedHint')}>
                          <Tag>{t('inherited')}</Tag>
                        </Tooltip>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('column.actions'),
                  key: 'actions',
                  render: (_, category) => (
                    <Space size={0}>
                      {editable(category) ? (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setForm({ kind: 'edit', category })}
                        >
                          {t('edit')}
                        </Button>
                      ) : null}
                      {editable(category) ? <ActiveToggle category={category} /> : null}
                      {category.regionId !== regionId ? (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setForm({ kind: 'override', category, regionId })}
                        >
                          {t('override')}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      {form ? <CategoryFormModal mode={form} onClose={() => setForm(null)} /> : null}
    </>
  );
}
