import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CATEGORY_CODE_PATTERN,
  MAX_SLA_HOURS,
  MIN_SLA_HOURS,
  Routes,
  type CategoryIcon,
  type ReportCategoryView,
} from '@yizhan/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { showSaveError } from '../../api/form-errors';
import { ScopeRegionSelect } from '../../components/ScopeRegionSelect';
import { useDepartments } from '../../hooks/useDepartments';
import { useRegionIndex } from '../../hooks/useRegionIndex';
import { tc } from '../../i18n/common';
import { ICON_OPTIONS } from './icons';
import { t } from './messages';

/** What the modal does: a new category, a change to one, or a new one overriding an ancestor's. */
export type CategoryFormMode =
  | { kind: 'create'; regionId: string }
  | { kind: 'edit'; category: ReportCategoryView }
  | { kind: 'override'; category: ReportCategoryView; regionId: string };

interface CategoryFormValues {
  regionId: string;
  code: string;
  name: string;
  icon: CategoryIcon;
  slaHours: number;
  defaultDepartmentId?: string | null;
  sortOrder: number;
}

function initialValues(mode: CategoryFormMode): Partial<CategoryFormValues> {
  if (mode.kind === 'create') {
    return { regionId: mode.regionId, icon: 'other', slaHours: 24, sortOrder: 0 };
  }
  const { category } = mode;
  return {
    regionId: mode.kind === 'override' ? mode.regionId : category.regionId,
    code: category.code,
    name: category.name,
    icon: category.icon,
    slaHours: category.slaHours,
    defaultDepartmentId: category.defaultDepartment?.id ?? null,
    sortOrder: category.sortOrder,
  };
}

/** Only departments of the category's region or above may take its reports (the API's rule). */
function useServingDepartments(regionId: string | undefined) {
  const departments = useDepartments(regionId);
  const regions = useRegionIndex();
  const lineage = regionId ? regions.lineageOf(regionId) : [];
  return {
    loading: departments.isPending && !!regionId,
    options: (departments.data ?? [])
      .filter((department) => lineage.includes(department.regionId))
      .map((department) => ({
        value: department.id,
        label: `${department.name}（${regions.nameOf(department.regionId)}）`,
      })),
  };
}

export function CategoryFormModal({
  mode,
  onClose,
}: {
  mode: CategoryFormMode;
  onClose: () => void;
}) {
  const [form] = Form.useForm<CategoryFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const regions = useRegionIndex();
  // Which departments may be picked depends on the region (Form.useWatch needs MessageChannel,
  // which the test DOM lacks: the form reports changes instead).
  const [regionId, setRegionId] = useState(initialValues(mode).regionId);
  const departments = useServingDepartments(regionId);

  const save = useMutation({
    mutationFn: (values: CategoryFormValues) => {
      const common = {
        name: values.name.trim(),
        icon: values.icon,
        slaHours: values.slaHours,
        sortOrder: values.sortOrder,
      };
      if (mode.kind === 'edit') {
        return api.patch<ReportCategoryView>(Routes.reportCategory(mode.category.id), {
          ...common,
          defaultDepartmentId: values.defaultDepartmentId ?? null,
        });
      }
      return api.post<ReportCategoryView>(Routes.reportCategories, {
        regionId: values.regionId,
        code: values.code,
        ...common,
        ...(values.defaultDepartmentId ? { defaultDepartmentId: values.defaultDepartmentId } : {}),
      });
    },
    onSuccess: async () => {
      message.success(mode.kind === 'edit' ? tc('state.saved') : tc('state.created'));
      await queryClient.invalidateQueries({ queryKey: ['report-categories'] });
      onClose();
    },
    onError: (error) =>
      showSaveError(form, error, (text) => message.error(text), {
        CONFLICT: { field: 'code', text: t('form.codeTaken') },
      }),
  });

  const title =
    mode.kind === 'create'
      ? t('form.createTitle')
      : mode.kind === 'edit'
        ? t('form.editTitle')
        : t('form.overrideTitle');

  return (
    <Modal
      open
      title={title}
      okText={tc('action.save')}
      cancelText={tc('action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {mode.kind === 'override' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('form.overrideHint', {
            region: regions.nameOf(mode.regionId),
            code: mode.category.code,
          })}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(mode)}
        onFinish={(values) => save.mutate(values)}
        onValuesChange={(changed: Partial<CategoryFormValues>) => {
          if (changed.regionId) {
            setRegionId(changed.regionId);
            form.setFieldsValue({ defaultDepartmentId: undefined });
          }
        }}
      >
        {mode.kind === 'create' ? (
          <Form.Item
            name="regionId"
            label={t('form.region')}
            rules={[{ required: true, message: tc('field.required', { field: t('form.region') }) }]}
          >
            <ScopeRegionSelect />
          </Form.Item>
        ) : (
          <Form.Item name="regionId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item
          name="code"
          label={t('form.code')}
          extra={mode.kind === 'create' ? t('form.codeExtra') : undefined}
          rules={[
            { required: true, message: tc('field.required', { field: t('form.code') }) },
            { pattern: CATEGORY_CODE_PATTERN, message: t('form.codeInvalid') },
          ]}
        >
          <Input disabled={mode.kind !== 'create'} maxLength={32} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('form.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: tc('field.required', { field: t('form.name') }),
            },
            { max: 32, message: t('form.nameLength') },
          ]}
        >
          <Input maxLength={32} showCount />
        </Form.Item>
        <Form.Item name="icon" label={t('form.icon')} rules={[{ required: true }]}>
          <Select
            options={ICON_OPTIONS}
            optionRender={(option) => (
              <span>
                <span aria-hidden style={{ marginRight: 6 }}>
                  {option.data.glyph}
                </span>
                {option.data.label}
              </span>
            )}
          />
        </Form.Item>
        <Form.Item
          name="slaHours"
          label={t('form.sla')}
          rules={[
            { required: true, message: tc('field.required', { field: t('form.sla') }) },
            {
              type: 'integer',
              min: MIN_SLA_HOURS,
              max: MAX_SLA_HOURS,
              message: t('form.slaRange', { min: MIN_SLA_HOURS, max: MAX_SLA_HOURS }),
            },
          ]}
        >
          <InputNumber
            min={MIN_SLA_HOURS}
            max={MAX_SLA_HOURS}
            precision={0}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item
          name="defaultDepartmentId"
          label={t('form.department')}
          extra={t('form.departmentExtra')}
        >
          <Select
            allowClear
            placeholder={t('noDepartment')}
            loading={departments.loading}
            options={departments.options}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label={t('form.sortOrder')}
          extra={t('form.sortOrderExtra')}
          rules={[
            { required: true, message: tc('field.required', { field: t('form.sortOrder') }) },
            { type: 'integer', min: 0, max: 10_000, message: t('form.sortOrderRange') },
          ]}
        >
          <InputNumber min={0} max={10_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
