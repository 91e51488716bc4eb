import { Text, View } from '@tarojs/components';
import type { MeResponse, Role } from '@yizhan/contracts';
import { occupationLabel, roleLabel, t } from '../../i18n';
import { Button, Tag } from '../nutui';
import './index.scss';

interface ProfileCardProps {
  user: MeResponse;
  onEdit: () => void;
}

/** A role held in several scopes (two stations) is one badge: the card says who, not where. */
function distinctRoles(user: MeResponse): Role[] {
  return [...new Set(user.roles.map((grant) => grant.role))];
}

function Row({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`profile-card__row ${className}`}>
      <Text className="profile-card__label">{label}</Text>
      <Text className="profile-card__value">{value}</Text>
    </View>
  );
}

/** The signed-in user's own profile. The phone is shown in full: it is the owner's number. */
export function ProfileCard({ user, onEdit }: ProfileCardProps) {
  const roles = distinctRoles(user);
  return (
    <View className="profile-card">
      <View className="profile-card__head">
        <Text className="profile-card__nickname">{user.nickname ?? t('me.nicknameUnset')}</Text>
        <Button className="profile-card__edit" size="small" fill="outline" onClick={onEdit}>
          {t('me.edit')}
        </Button>
      </View>
      {roles.length > 0 && (
        <View className="profile-card__roles" aria-label={t('me.roles')}>
          {roles.map((role) => (
            <Tag key={role} className="profile-card__role" type="default">
              {roleLabel(role)}
            </Tag>
          ))}
        </View>
      )}
      <Row
        className="profile-card__occupation"
        label={t('me.occupation')}
        value={user.occupation ? occupationLabel(user.occupation) : t('common.unset')}
      />
      <Row
        className="profile-card__platform"
        label={t('me.platform')}
        value={user.platform ? user.platform : t('common.unset')}
      />
      {user.phone && (
        <Row className="profile-card__phone" label={t('me.phone')} value={user.phone} />
      )}
      {user.username && (
        <Row className="profile-card__username" label={t('me.username')} value={user.username} />
      )}
    </View>
  );
}
