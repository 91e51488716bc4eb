import { Text, View } from '@tarojs/components';
import type { MeResponse } from '@yizhan/contracts';
import { Button } from '../../../../components/nutui';
import { usePasswordLogin } from '../../../../hooks/usePasswordLogin';
import { t } from '../../../../i18n';
import { Input } from '../../nutui';
import { FormField } from '../FormField';
import '../login-form.scss';

/** Station managers, handlers, merchant staff and admins: the account they were given. */
export function PasswordLoginForm({ onSignedIn }: { onSignedIn: (user: MeResponse) => void }) {
  const [form, actions] = usePasswordLogin();

  const submit = async () => {
    const user = await actions.submit();
    if (user) onSignedIn(user);
  };

  return (
    <View className="login-form login-staff">
      <Text className="login-form__hint">{t('login.staff.hint')}</Text>
      <FormField
        className="login-staff__username"
        label={t('login.staff.usernameLabel')}
        error={form.usernameError}
      >
        <Input
          className="login-staff__username-input"
          name="username"
          type="text"
          placeholder={t('login.staff.usernamePlaceholder')}
          maxLength={64}
          value={form.username}
          onChange={actions.setUsername}
        />
      </FormField>
      <FormField
        className="login-staff__password"
        label={t('login.staff.passwordLabel')}
        error={form.passwordError}
      >
        <Input
          className="login-staff__password-input"
          name="password"
          type="password"
          placeholder={t('login.staff.passwordPlaceholder')}
          maxLength={128}
          value={form.password}
          onChange={actions.setPassword}
        />
      </FormField>
      {form.error && (
        <View className="login-form__error" role="alert">
          {form.error}
        </View>
      )}
      <Button
        className="login-form__submit login-staff__submit"
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
