import type { FormInstance } from 'antd';
import { ApiError, invalidFields } from './errors';
import { errorText } from '../i18n/errors';
import { defineMessages } from '../i18n/messages';

const t = defineMessages({
  'zh-CN': { invalid: '此项不符合要求，请修改' },
  'en-US': { invalid: 'This value is not accepted' },
});

/** A refusal the page words for one field, e.g. CONFLICT on `name` → 该辖区已有同名部门. */
export type FieldRefusals = Partial<Record<string, { field: string; text: string }>>;

/**
 * Shows a refused save where the admin looks: the fields a VALIDATION_FAILED names (or a
 * refusal the page words for a field) in red, and the reason in Chinese as a message.
 */
export function showSaveError<T>(
  form: FormInstance<T>,
  error: unknown,
  notify: (text: string) => void,
  refusals: FieldRefusals = {},
): void {
  const named = invalidFields(error);
  const refusal = error instanceof ApiError ? refusals[error.code] : undefined;
  if (refusal) {
    form.setFields([{ name: refusal.field as never, errors: [refusal.text] }]);
    notify(refusal.text);
    return;
  }
  if (named.length) {
    form.setFields(named.map((field) => ({ name: field as never, errors: [t('invalid')] })));
  }
  notify(errorText(error));
}
