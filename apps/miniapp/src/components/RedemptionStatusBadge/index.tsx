import { RedemptionStatus } from '@yizhan/contracts';
import { redemptionStatusLabel } from '../../i18n';
import { Badge, type BadgeTone } from '../Badge';

const TONE: Record<RedemptionStatus, BadgeTone> = {
  [RedemptionStatus.Issued]: 'active',
  [RedemptionStatus.Fulfilled]: 'done',
  [RedemptionStatus.Cancelled]: 'over',
  [RedemptionStatus.Expired]: 'over',
};

/** 待使用 / 已核销 / 已取消 / 已过期, the same for the worker and the counter. */
export function RedemptionStatusBadge({ status }: { status: RedemptionStatus }) {
  return (
    <Badge
      className={`redemption-status redemption-status--${status}`}
      tone={TONE[status]}
      label={redemptionStatusLabel(status)}
    />
  );
}
