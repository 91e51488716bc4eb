import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ErrorCode } from '@yizhan/contracts';
import { errorMessage, t } from '../../i18n';
import type { ApiError } from '../../services/api-error';
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

/**
 * What a page about one object shows until the object is there: placeholders while it loads,
 * "not found" for a 404 (gone, or never the caller's), else the error with 重试. Class names are
 * the page's BEM block with `--loading`, `__not-found` and `__error`.
 */
export function ResourceFallback(props: {
  state: { phase: 'loading' } | { phase: 'error'; error: Pick<ApiError, 'code'> };
  block: string;
  notFound: { title: string; hint: string };
  errorTitle: string;
  onRetry: () => void;
}) {
  const { state, block } = props;
  if (state.phase === 'loading') {
    return (
      <View className={`${block} ${block}--loading`}>
        <LoadingList count={2} />
      </View>
    );
  }
  return state.error.code === ErrorCode.NOT_FOUND ? (
    <StateMessage
      className={`${block}__not-found`}
      tone="empty"
      title={props.notFound.title}
      description={props.notFound.hint}
    />
  ) : (
    <ErrorMessage
      className={`${block}__error`}
      title={props.errorTitle}
      message={errorMessage(state.error.code)}
      onRetry={props.onRetry}
    />
  );
}
