import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  EXPIRY_POLICIES,
  MAX_POINTS_AMOUNT,
  Routes,
  type EarningKind,
  type ExpiryPolicy,
  type PointsRule,
} from '@yizhan/contracts';
import { Alert, App, Form, InputNumber, Modal, Select } from 'antd';
import { api } from '../../api/client';
import { showSaveError } from '../../api/form-errors';
import { useRegionIndex } from '../../hooks/useRegionIndex';
import { tc } from '../../i18n/common';
import { expiryText, kindText, t } from './messages';

interface RuleFormValues {
  points: number;
  dailyCap?: number | null;
  weeklyCap?: number | null;
  expiryPolicy: ExpiryPolicy;
}

const capRules = [
  {
    type: 'integer' as const,
    min: 1,
    max: MAX_POINTS_AMOUNT,
    message: t('form.capRange', { max: MAX_POINTS_AMOUNT }),
  },
];

/** PUT /points/rules for one kind in `regionId`: creates the region's own rule or replaces it. */
export function RuleFormModal({
  regionId,
  kind,
  current,
  onClose,
}: {
  regionId: string;
  kind: EarningKind;
  /** The rule in force now (the region's own or inherited), to start from. */
  current: PointsRule | undefined;
  onClose: () => void;
}) {
  const [form] = Form.useForm<RuleFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const regions = useRegionIndex();
  const save = useMutation({
    mutationFn: (values: RuleFormValues) =>
      api.put<PointsRule>(Routes.pointsRules, {
        regionId,
        kind,
        points: values.points,
        expiryPolicy: values.expiryPolicy,
        // An empty cap is no cap: the API clears what is left out.
        ...(values.dailyCap ? { dailyCap: values.dailyCap } : {}),
        ...(values.weeklyCap ? { weeklyCap: values.weeklyCap } : {}),
      }),
    onSuccess: async () => {
      message.success(t('saved'));
      await queryClient.invalidateQueries({ queryKey: ['points-rules'] });
      onClose();
    },
    onError: (error) => showSaveError(form, error, (text) => message.error(text)),
  });
  const inherited = current && current.regionId !== regionId;

  return (
    <Modal
      open
      title={t('form.title', { kind: kindText(kind) })}
      okText={tc('action.save')}
      cancelText={tc('action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {inherited ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('form.inheritedHint', {
            region: regions.nameOf(current.regionId),
            here: regions.nameOf(regionId),
          })}
        />
      ) : null}
      {kind === 'manual' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('form.manualHint')} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          points: current?.points,
          dailyCap: current?.dailyCap ?? null,
          weeklyCap: current?.weeklyCap ?? null,
          expiryPolicy: current?.expiryPolicy ?? 'end_of_next_year',
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="points"
          label={t('form.points')}
          rules={[
            { required: true, message: tc('field.required', { field: t('form.points') }) },
            {
              type: 'integer',
              min: 1,
              max: MAX_POINTS_AMOUNT,
              message: t('form.pointsRange', { max: MAX_POINTS_AMOUNT }),
            },
          ]}
        >
          <InputNumber min={1} max={MAX_POINTS_AMOUNT} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="dailyCap"
          label={t('form.dailyCap')}
          extra={t('form.capExtra')}
          rules={capRules}
        >
          <InputNumber min={1} max={MAX_POINTS_AMOUNT} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="weeklyCap"
          label={t('form.weeklyCap')}
          extra={t('form.capExtra')}
          rules={capRules}
        >
          <InputNumber min={1} max={MAX_POINTS_AMOUNT} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="expiryPolicy" label={t('form.expiry')} rules={[{ required: true }]}>
          <Select
            style={{ width: 260 }}
            options={EXPIRY_POLICIES.map((policy) => ({
              value: policy,
              label: expiryText(policy),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
