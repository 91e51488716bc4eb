import { Col, Row, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { t } from './messages';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Top-level keys whose values differ between before and after (none when either is missing). */
export function changedKeys(before: unknown, after: unknown): Set<string> {
  if (!isRecord(before) || !isRecord(after)) return new Set();
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return new Set(
    [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])),
  );
}

const preStyle: CSSProperties = {
  margin: 0,
  padding: 12,
  background: '#fafafa',
  border: '1px solid #f0f0f0',
  borderRadius: 6,
  fontSize: 12,
  lineHeight: 1.6,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
};

/** Formatted JSON, one line per top-level key so a changed key can be marked. */
function JsonBlock({ value, changed }: { value: unknown; changed: Set<string> }) {
  if (value === null || value === undefined) {
    return <Typography.Text type="secondary">{t('nothing')}</Typography.Text>;
  }
  if (!isRecord(value)) return <pre style={preStyle}>{JSON.stringify(value, null, 2)}</pre>;
  const entries = Object.entries(value);
  return (
    <pre style={preStyle}>
      {'{'}
      {entries.map(([key, item], index) => (
        <div
          key={key}
          data-changed={changed.has(key) || undefined}
          style={changed.has(key) ? { background: '#fff1b8' } : undefined}
        >
          {`  ${JSON.stringify(key)}: ${JSON.stringify(item, null, 2).replace(/\n/g, '\n  ')}${
            index < entries.length - 1 ? ',' : ''
          }`}
        </div>
      ))}
      {'}'}
    </pre>
  );
}

/** An audit entry's state before and after, side by side, changed keys highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  if ((before === null || before === undefined) && (after === null || after === undefined)) {
    return <Typography.Text type="secondary">{t('noDetail')}</Typography.Text>;
  }
  const changed = changedKeys(before, after);
  return (
    <>
      {changed.size > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('changedHint')}
        </Typography.Paragraph>
      ) : null}
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>{t('before')}</Typography.Text>
          <JsonBlock value={before} changed={changed} />
        </Col>
        <Col span={12}>
          <Typography.Text strong>{t('after')}</Typography.Text>
          <JsonBlock value={after} changed={changed} />
        </Col>
      </Row>
    </>
  );
}
