import { Alert, Button, Flex } from 'antd';
import { errorText } from '../i18n/errors';
import { tc } from '../i18n/common';

/** "加载更多" under a cursor-paged list; says why when the next page failed. */
export function LoadMoreButton({
  list,
}: {
  list: { hasMore: boolean; loadingMore: boolean; loadMoreError: unknown; loadMore: () => void };
}) {
  if (!list.hasMore) return null;
  return (
    <Flex vertical align="center" gap={8} style={{ marginTop: 16 }}>
      {list.loadMoreError ? (
        <Alert type="error" showIcon title={errorText(list.loadMoreError)} />
      ) : null}
      <Button onClick={list.loadMore} loading={list.loadingMore}>
        {tc('action.loadMore')}
      </Button>
    </Flex>
  );
}
