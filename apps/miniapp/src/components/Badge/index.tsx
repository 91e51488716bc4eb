import { Tag } from '../nutui';
import './index.scss';

/** What a badge says about its thing: still to act on, done, waiting, or over. */
export type BadgeTone = 'active' | 'done' | 'waiting' | 'over';

// Colours as props, as StatusBadge does: NutUI paints a tag's text through its own variables,
// which a class rule cannot reliably beat on both platforms.
const TONE_COLORS: Record<BadgeTone, { background: string; color: string }> = {
  active: { background: '#fbe9e5', color: '#d9381e' },
  done: { background: '#1a9e55', color: '#ffffff' },
  waiting: { background: '#fff1e0', color: '#b25e00' },
  over: { background: '#eef0f2', color: '#8f959e' },
};

/** A small status label (a redemption's state, a pending or voided points entry). */
export function Badge({
  tone,
  label,
  className,
}: {
  tone: BadgeTone;
  label: string;
  className?: string;
}) {
  const colors = TONE_COLORS[tone];
  return (
    <Tag
      className={`badge badge--${tone} ${className ?? ''}`}
      background={colors.background}
      color={colors.color}
      round
    >
      {label}
    </Tag>
  );
}
