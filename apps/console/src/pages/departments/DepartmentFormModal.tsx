import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Routes, type DepartmentView } from '@yizhan/contracts';
import { App, Form, Input, Modal } from 'antd';
import { api } from '../../api/client';
import { showSaveError } from '../../api/form-errors';
import { ScopeRegionSelect } from '../../components/ScopeRegionSelect';
import { tc } from '../../i18n/common';
import { t } from './messages';

interface DepartmentFormValues {
  name: string;
  regionId: string;
  phone?: string;
}

/** The API's phone rule for departments (CreateDepartmentDto). */
const PHONE_PATTERN = /^[0-9+\-() ]{5,32}$/;

export function DepartmentFormModal({
  regionId,
  onClose,
}: {
  regionId: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<DepartmentFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (values: DepartmentFormValues) =>
      api.post<DepartmentView>(Routes.departments, {
        name: values.name.trim(),
        regionId: values.regionId,
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
      }),
    onSuccess: async () => {
      message.success(tc('state.created'));
      await queryClient.invalidateQueries({ queryKey: ['departments'] });
      onClose();
    },
    onError: (error) =>
      showSaveError(form, error, (text) => message.error(text), {
        CONFLICT: { field: 'name', text: t('form.nameTaken') },
      }),
  });

  return (
    <Modal
      open
      title={t('form.title')}
      okText={tc('action.save')}
      cancelText={tc('action.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ regionId }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item
          name="name"
          label={t('form.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: tc('field.required', { field: t('form.name') }),
            },
            { max: 100, message: t('form.nameLength') },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('form.region')}
          extra={t('form.regionExtra')}
          rules={[{ required: true, message: tc('field.required', { field: t('form.region') }) }]}
        >
          <ScopeRegionSelect />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('form.phone')}
          rules={[{ pattern: PHONE_PATTERN, message: t('form.phoneInvalid') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
