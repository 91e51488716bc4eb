import { View } from '@tarojs/components';
import type { MeResponse } from '@yizhan/contracts';
import { Button } from '../../../../components/nutui';
import { useSmsLogin } from '../../../../hooks/useSmsLogin';
import { t } from '../../../../i18n';
import { Input } from '../../nutui';
import { FormField } from '../FormField';
import '../login-form.scss';

/** Room for "138 0013 8000" as people type it; the hook strips the spaces. */
const PHONE_INPUT_MAX = 13;

/** H5 workers: phone number and the 6-digit code the API sends by SMS. */
export function SmsLoginForm({ onSignedIn }: { onSignedIn: (user: MeResponse) => void }) {
  const [form, actions] = useSmsLogin();

  const submit = async () => {
    const user = await actions.submit();
    if (user) onSignedIn(user);
  };

  let sendLabel = t('login.sms.send');
  if (form.resendIn > 0) sendLabel = t('login.sms.resendIn', { n: form.resendIn });
  else if (form.codeRequested) sendLabel = t('login.sms.resend');

  return (
    <View className="login-form login-sms">
      <FormField
        className="login-sms__phone"
        label={t('login.sms.phoneLabel')}
        error={form.phoneError}
      >
        <Input
          className="login-sms__phone-input"
          name="phone"
          type="tel"
          placeholder={t('login.sms.phonePlaceholder')}
          maxLength={PHONE_INPUT_MAX}
          value={form.phone}
          onChange={actions.setPhone}
        />
      </FormField>
      <FormField
        className="login-sms__code"
        label={t('login.sms.codeLabel')}
        error={form.codeError}
      >
        <Input
          className="login-sms__code-input"
          name="code"
          type="number"
          placeholder={t('login.sms.codePlaceholder')}
          maxLength={6}
          value={form.code}
          onChange={actions.setCode}
        />
        <Button
          className="login-sms__send"
          size="small"
          fill="none"
          type="primary"
          loading={form.sending}
          disabled={form.resendIn > 0}
          onClick={() => void actions.sendCode()}
        >
          {sendLabel}
        </Button>
      </FormField>
      {form.error && (
        <View className="login-form__error" role="alert">
          {form.error}
        </View>
      )}
      <Button
        className="login-form__submit login-sms__submit"
        type="primary"
        block
        loading={form.submitting}
        onClick={() => void submit()}
      >
        {t('login.submit')}
      </Button>
    </View>
  );
}
