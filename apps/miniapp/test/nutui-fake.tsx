/**
 * Our NutUI modules (src/components/nutui.ts, src/packages/account/nutui.ts) as plain,
 * accessible DOM for jsdom tests (mapped in jest.config.js). NutUI's Taro build needs Taro's
 * runtime; these stand-ins keep the props our pages pass and the behaviour they rely on (a
 * loading button does nothing, a switch reports its new value), so page tests exercise our
 * logic. Browser tests of the H5 build cover the real components.
 */
import type { ReactNode } from 'react';

interface Common {
  className?: string;
  children?: ReactNode;
}

export function Button(
  props: Common & {
    loading?: boolean;
    disabled?: boolean;
    type?: string;
    size?: string;
    fill?: string;
    shape?: string;
    block?: boolean;
    color?: string;
    onClick?: () => void;
  },
) {
  const inactive = Boolean(props.loading || props.disabled);
  return (
    <button
      type="button"
      className={props.className}
      disabled={inactive}
      aria-busy={props.loading ? 'true' : undefined}
      onClick={() => {
        if (!inactive) props.onClick?.();
      }}
    >
      {props.children}
    </button>
  );
}

export function Cell(
  props: Common & {
    title?: ReactNode;
    description?: ReactNode;
    extra?: ReactNode;
    clickable?: boolean;
    onClick?: () => void;
  },
) {
  return (
    <div
      className={`nut-cell ${props.className ?? ''}`}
      role={props.onClick ? 'button' : undefined}
      onClick={props.onClick}
    >
      {props.title !== undefined && <div className="nut-cell-title">{props.title}</div>}
      {props.description !== undefined && (
        <div className="nut-cell-description">{props.description}</div>
      )}
      {props.extra !== undefined && <div className="nut-cell-extra">{props.extra}</div>}
      {props.children}
    </div>
  );
}

export function CellGroup(props: Common & { title?: ReactNode; description?: ReactNode }) {
  return (
    <section className={props.className}>
      {props.title !== undefined && <h2>{props.title}</h2>}
      {props.description !== undefined && <p>{props.description}</p>}
      {props.children}
    </section>
  );
}

export function Divider(props: Common) {
  return <div className={props.className}>{props.children}</div>;
}

export function Empty(
  props: Common & {
    image?: ReactNode;
    imageSize?: number;
    title?: ReactNode;
    description?: ReactNode;
  },
) {
  return (
    <div className={props.className}>
      {props.image}
      {props.title}
      {props.description}
      {props.children}
    </div>
  );
}

export function Loading(props: Common & { type?: string }) {
  return <div className={props.className}>{props.children}</div>;
}

export function Skeleton(props: { rows?: number; animated?: boolean }) {
  return <div className="skeleton" data-rows={props.rows} />;
}

export function Tag(props: Common & { plain?: boolean; type?: string }) {
  return <span className={props.className}>{props.children}</span>;
}

export function Input(props: {
  className?: string;
  type?: string;
  name?: string;
  value?: string;
  placeholder?: string;
  maxLength?: number;
  disabled?: boolean;
  clearable?: boolean;
  onChange?: (value: string) => void;
}) {
  return (
    <input
      className={props.className}
      type={props.type === 'password' ? 'password' : 'text'}
      name={props.name}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      maxLength={props.maxLength}
      disabled={props.disabled}
      onChange={(event) => props.onChange?.(event.target.value)}
    />
  );
}

export function Switch(props: {
  className?: string;
  checked?: boolean;
  disabled?: boolean;
  loading?: boolean;
  ariaLabel?: string;
  onChange?: (value: boolean) => void;
}) {
  return (
    <input
      type="checkbox"
      role="switch"
      className={props.className}
      aria-label={props.ariaLabel}
      checked={Boolean(props.checked)}
      disabled={Boolean(props.disabled || props.loading)}
      onChange={(event) => props.onChange?.(event.target.checked)}
    />
  );
}

export function Popup(
  props: Common & {
    visible?: boolean;
    title?: ReactNode;
    position?: string;
    round?: boolean;
    closeable?: boolean;
    closeOnOverlayClick?: boolean;
    onClose?: () => void;
  },
) {
  if (!props.visible) return null;
  return (
    <div className={`nut-popup ${props.className ?? ''}`}>
      {props.title !== undefined && <div className="nut-popup-title">{props.title}</div>}
      {props.children}
    </div>
  );
}
