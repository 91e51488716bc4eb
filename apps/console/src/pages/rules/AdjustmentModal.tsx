import { useMutation } from '@tanstack/react-query';
import {
  MAX_POINTS_AMOUNT,
  Routes,
  type PointsAdjustment,
  type WorkerLookupResponse,
} from '@yizhan/contracts';
import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { showSaveError } from '../../api/form-errors';
import { tc } from '../../i18n/common';
import { t } from './messages';
import { WorkerPhoneLookup } from './WorkerPhoneLookup';

interface AdjustmentValues {
  userId: string;
  amount: number;
  reason: string;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * POST /points/adjustments after a confirmation that names the amount. The idempotency key is
 * made once per opening of the form: a double click or a retry after a lost answer sends the
 * same key, and the API pays once.
 */
export function AdjustmentModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<AdjustmentValues>();
  const { message, modal } = App.useApp();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [worker, setWorker] = useState<WorkerLookupResponse | null>(null);
  const onFound = (found: WorkerLookupResponse | null) => {
    setWorker(found);
    form.setFieldValue('userId', found?.id);
    if (found) form.setFields([{ name: 'userId', errors: [] }]);
  };
  const adjust = useMutation({
    mutationFn: (values: AdjustmentValues) =>
      api.post<PointsAdjustment>(Routes.pointsAdjustments, {
        userId: values.userId.trim().toLowerCase(),
        amount: values.amount,
        reason: values.reason.trim(),
        idempotencyKey,
      }),
    onSuccess: (done) => {
      message.success(
        t('adjust.done', { amount: done.amount > 0 ? `+${done.amount}` : done.amount }),
      );
      onClose();
    },
    onError: (error) =>
      showSaveError(form, error, (text) => message.error(text), {
        NOT_FOUND: { field: 'userId', text: t('adjust.notFound') },
      }),
  });

  const confirm = (values: AdjustmentValues) => {
    modal.confirm({
      title:
        values.amount > 0
          ? t('adjust.confirmAdd', { n: values.amount })
          : t('adjust.confirmDeduct', { n: -values.amount }),
      content: (
        <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>
          {worker?.id === values.userId.trim().toLowerCase()
            ? t('adjust.confirmWorker', {
                name: worker.nickname ?? t('lookup.noNickname'),
                phone: worker.phone ?? '',
                reason: values.reason.trim(),
              })
            : t('adjust.confirmDetail', {
                userId: values.userId.trim(),
                reason: values.reason.trim(),
              })}
        </Typography.Paragraph>
      ),
      okText: t('adjust.ok'),
      cancelText: tc('action.cancel'),
      okButtonProps: { danger: values.amount < 0 },
      onOk: () => adjust.mutateAsync(values).catch(() => undefined),
    });
  };

  return (
    <Modal
      open
      title={t('adjust.title')}
      okText={t('adjust.submit')}
      cancelText={tc('action.cancel')}
      confirmLoading={adjust.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('adjust.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={confirm}>
        <WorkerPhoneLookup found={worker} onFound={onFound} />
        <Form.Item
          name="userId"
          label={t('adjust.userId')}
          extra={t('adjust.userIdExtra')}
          rules={[
            { required: true, message: t('adjust.userIdRequired') },
            { pattern: UUID_PATTERN, message: t('adjust.userIdInvalid') },
          ]}
        >
          <Input placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('adjust.amount')}
          extra={t('adjust.amountExtra')}
          rules={[
            { required: true, message: tc('field.required', { field: t('adjust.amount') }) },
            {
              validator: (_, value: number | null | undefined) =>
                value === null ||
                value === undefined ||
                (Number.isInteger(value) && value !== 0 && Math.abs(value) <= MAX_POINTS_AMOUNT)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('adjust.amountRange', { max: MAX_POINTS_AMOUNT }))),
            },
          ]}
        >
          <InputNumber precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('adjust.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: tc('field.required', { field: t('adjust.reason') }),
            },
            {
              validator: (_, value: string | undefined) => {
                const length = value?.trim().length ?? 0;
                return length === 0 || (length >= 2 && length <= 200)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('adjust.reasonLength')));
              },
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
