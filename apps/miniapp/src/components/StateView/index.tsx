import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { Button, Empty, Skeleton } from '../nutui';
import './index.scss';

/** Card-shaped placeholders while the first page loads. */
export function LoadingList({ count = 4 }: { count?: number }) {
  return (
    <View className="state-view state-view--loading" aria-busy="true">
      {Array.from({ length: count }, (_, index) => (
        <View key={index} className="state-view__skeleton">
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  );
}

export type StateTone = 'empty' | 'error' | 'soon';

/** The glyph drawn in the circle: a local shape, so no remote image is needed. */
const GLYPH: Record<StateTone, string> = { empty: '○', error: '!', soon: '…' };

interface StateMessageProps {
  tone: StateTone;
  title: string;
  description?: string;
  actionText?: string;
  onAction?: () => void;
  className?: string;
  children?: ReactNode;
}

/** Empty, error and coming-soon screens share one layout (NutUI Empty with our own glyph). */
export function StateMessage(props: StateMessageProps) {
  const { tone, title, description, actionText, onAction, className, children } = props;
  return (
    <Empty
      className={`state-view state-view--${tone} ${className ?? ''}`}
      imageSize={96}
      image={
        <View className={`state-view__glyph state-view__glyph--${tone}`}>
          <Text>{GLYPH[tone]}</Text>
        </View>
      }
      title={<Text className="state-view__title">{title}</Text>}
      description={
        description ? <Text className="state-view__description">{description}</Text> : ''
      }
    >
      {actionText && onAction && (
        <View className="state-view__action">
          <Button className="state-view__button" type="primary" size="small" onClick={onAction}>
            {actionText}
          </Button>
        </View>
      )}
      {children}
    </Empty>
  );
}

/** An error screen with the translated message and 重试. */
export function ErrorMessage(props: {
  title: string;
  message: string;
  onRetry: () => void;
  className?: string;
}) {
  return (
    <StateMessage
      tone="error"
      title={props.title}
      description={props.message}
      actionText={t('common.retry')}
      onAction={props.onRetry}
      className={props.className}
    />
  );
}
