import { Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../i18n/errors';
import { tc } from '../i18n/common';

interface QueryStateProps<T> {
  /** react-query's fields, or anything shaped like them. */
  query: { data: T | undefined; isPending: boolean; error: unknown; refetch: () => unknown };
  /** True when the loaded data has nothing to show. */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  /** Shown with the empty state, e.g. a button to create the first item. */
  emptyAction?: ReactNode;
  children: (data: T) => ReactNode;
}

/** The three states every page has before its content: loading, failed (with retry), empty. */
export function QueryState<T>({
  query,
  isEmpty,
  emptyText,
  emptyAction,
  children,
}: QueryStateProps<T>) {
  if (query.isPending) {
    return <Skeleton active paragraph={{ rows: 6 }} aria-label={tc('state.loading')} />;
  }
  if (query.error || query.data === undefined) {
    return (
      <Result
        status="warning"
        title={tc('state.loadFailed')}
        subTitle={errorText(query.error)}
        extra={
          <Button type="primary" onClick={() => void query.refetch()}>
            {tc('action.retry')}
          </Button>
        }
      />
    );
  }
  if (isEmpty?.(query.data)) {
    return <Empty description={emptyText ?? tc('state.empty')}>{emptyAction}</Empty>;
  }
  return <>{children(query.data)}</>;
}
