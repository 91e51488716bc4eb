import { Button, Card, Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { errorText } from '../../i18n/errors';
import { tc } from '../../i18n/common';

export interface KpiItem {
  label: string;
  value: string;
  /** Why the number is what it is (shown as a tooltip). */
  hint?: string;
  /** The figure to notice first (e.g. the programme's liability). */
  highlight?: boolean;
}

interface KpiGroupProps<T> {
  title: string;
  query: { data: T | undefined; isPending: boolean; error: unknown; refetch: () => unknown };
  items: (data: T) => KpiItem[];
}

/** Key figures from one source, with the source's own loading and failed (retry) states. */
export function KpiGroup<T>({ title, query, items }: KpiGroupProps<T>) {
  let body;
  if (query.isPending) {
    body = <Skeleton active paragraph={{ rows: 1 }} title={false} />;
  } else if (query.error || query.data === undefined) {
    body = (
      <Flex align="center" gap={8} wrap>
        <Typography.Text type="warning">
          {tc('state.loadFailed')}：{errorText(query.error)}
        </Typography.Text>
        <Button size="small" onClick={() => void query.refetch()}>
          {tc('action.retry')}
        </Button>
      </Flex>
    );
  } else {
    body = (
      <Row gutter={[16, 16]}>
        {items(query.data).map((item) => (
          <Col key={item.label} flex="1 1 120px">
            <Statistic
              title={
                item.hint ? (
                  <Typography.Text type="secondary" title={item.hint}>
                    {item.label}
                  </Typography.Text>
                ) : (
                  item.label
                )
              }
              value={item.value}
              styles={
                item.highlight ? { content: { color: '#D9381E', fontWeight: 600 } } : undefined
              }
            />
          </Col>
        ))}
      </Row>
    );
  }
  return (
    <Card title={title} size="small" style={{ height: '100%' }}>
      {body}
    </Card>
  );
}
