import EditOutlined from '@ant-design/icons/EditOutlined';
import SwapOutlined from '@ant-design/icons/SwapOutlined';
import { useQuery } from '@tanstack/react-query';
import {
  EARNING_KINDS,
  Routes,
  type EarningKind,
  type PointsRule,
  type PointsRulesResponse,
} from '@yizhan/contracts';
import { Alert, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ScopeRegionSelect } from '../../components/ScopeRegionSelect';
import { useRegionIndex } from '../../hooks/useRegionIndex';
import { AdjustmentModal } from './AdjustmentModal';
import { expiryText, kindText, t } from './messages';
import { RuleFormModal } from './RuleFormModal';

interface RuleRow {
  kind: EarningKind;
  rule: PointsRule | undefined;
}

const capText = (cap: number | null | undefined) =>
  cap ?? <Typography.Text type="secondary">{t('noCap')}</Typography.Text>;

/** The earning rules in force in a region of the admin's, one row per earning kind. */
export function RulesPage() {
  const { adminRegionId } = useAuth();
  const regions = useRegionIndex();
  // The admin's own region until they pick another of theirs.
  const [picked, setRegionId] = useState<string>();
  const regionId = picked ?? adminRegionId ?? '';
  const [editing, setEditing] = useState<RuleRow | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const rules = useQuery({
    queryKey: ['points-rules', regionId],
    queryFn: ({ signal }) => api.get<PointsRulesResponse>(Routes.pointsRules, { regionId }, signal),
    enabled: !!regionId,
  });

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Button icon={<SwapOutlined />} onClick={() => setAdjusting(true)}>
            {t('adjust')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card>
        <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
          <Typography.Text>{t('region')}</Typography.Text>
          <ScopeRegionSelect value={regionId} onChange={setRegionId} style={{ width: 280 }} />
        </Flex>
        <QueryState query={rules}>
          {(data) => (
            <>
              {data.items.length === 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={t('empty')}
                  description={t('emptyDetail')}
                />
              ) : null}
              <Table<RuleRow>
                rowKey="kind"
                pagination={false}
                dataSource={EARNING_KINDS.map((kind) => ({
                  kind,
                  rule: data.items.find((rule) => rule.kind === kind),
                }))}
                columns={[
                  {
                    title: t('column.kind'),
                    dataIndex: 'kind',
                    render: (kind: EarningKind) => kindText(kind),
                  },
                  {
                    title: t('column.points'),
                    key: 'points',
                    render: (_, { rule }) =>
                      rule ? (
                        rule.points
                      ) : (
                        <Typography.Text type="secondary">{t('notSet')}</Typography.Text>
                      ),
                  },
                  {
                    title: t('column.dailyCap'),
                    key: 'dailyCap',
                    render: (_, { rule }) => rule && capText(rule.dailyCap),
                  },
                  {
                    title: t('column.weeklyCap'),
                    key: 'weeklyCap',
                    render: (_, { rule }) => rule && capText(rule.weeklyCap),
                  },
                  {
                    title: t('column.expiry'),
                    key: 'expiry',
                    render: (_, { rule }) => rule && expiryText(rule.expiryPolicy),
                  },
                  {
                    title: t('column.region'),
                    key: 'region',
                    render: (_, { rule }) =>
                      rule && (
                        <Space size={4}>
                          {regions.nameOf(rule.regionId)}
                          {rule.regionId === regionId ? (
                            <Tag color="blue">{t('own')}</Tag>
                          ) : (
                            <Tag>{t('inherited')}</Tag>
                          )}
                        </Space>
                      ),
                  },
                  {
                    title: t('column.actions'),
                    key: 'actions',
                    render: (_, row) => (
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setEditing(row)}
                      >
                        {row.rule?.regionId === regionId ? t('edit') : t('setHere')}
                      </Button>
                    ),
                  },
                ]}
              />
            </>
          )}
        </QueryState>
      </Card>
      {editing ? (
        <RuleFormModal
          regionId={regionId}
          kind={editing.kind}
          current={editing.rule}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {adjusting ? <AdjustmentModal onClose={() => setAdjusting(false)} /> : null}
    </>
  );
}
