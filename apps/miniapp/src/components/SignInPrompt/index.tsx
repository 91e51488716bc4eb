import Taro from '@tarojs/taro';
import { t } from '../../i18n';
import { PagePath } from '../../routes';
import { StateMessage } from '../StateView';

/** A page that needs an account, opened signed out: says what signing in gives, and leads there. */
export function SignInPrompt({ title, description }: { title: string; description?: string }) {
  return (
    <StateMessage
      className="sign-in-prompt"
      tone="empty"
      title={title}
      description={description}
      actionText={t('common.signIn')}
      onAction={() => void Taro.navigateTo({ url: PagePath.login })}
    />
  );
}
