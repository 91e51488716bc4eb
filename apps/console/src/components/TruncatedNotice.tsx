import { Alert } from 'antd';

/** Above a list read whole (`fetchAllPages`) that stopped at its cap: says only part is shown. */
export function TruncatedNotice({ truncated, text }: { truncated: boolean; text: string }) {
  if (!truncated) return null;
  return <Alert type="warning" showIcon title={text} style={{ marginBottom: 12 }} />;
}
