import type { ReportStatus } from '@yizhan/contracts';
import { reportStatusLabel } from '../../i18n';
import { Badge, type BadgeTone } from '../Badge';

const TONE: Record<ReportStatus, BadgeTone> = {
  submitted: 'waiting',
  accepted: 'active',
  dispatched: 'active',
  resolved: 'done',
  rejected: 'over',
  duplicate: 'over',
  closed: 'over',
};

/** 待受理 / 已受理 / 处理中 / 已办结 / 未采纳 / 重复上报 / 已关闭, for workers and handlers alike. */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  return (
    <Badge
      className={`report-status report-status--${status}`}
      tone={TONE[status] ?? 'over'}
      label={reportStatusLabel(status)}
    />
  );
}
