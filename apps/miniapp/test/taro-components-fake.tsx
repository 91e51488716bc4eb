/**
 * `@tarojs/components` as plain DOM for jsdom tests (mapped in jest.config.js): Taro's real
 * components need its H5 runtime. Only what our pages use, with the props they pass.
 */
import type { ReactNode } from 'react';

interface BoxProps {
  className?: string;
  children?: ReactNode;
  onClick?: () => void;
  hoverClass?: string;
  role?: string;
  'aria-label'?: string;
  'aria-live'?: 'polite' | 'assertive' | 'off';
  'aria-busy'?: boolean | 'true' | 'false';
}

export function View({ hoverClass, ...props }: BoxProps) {
  void hoverClass;
  return <div {...props} />;
}

export function Text({ hoverClass, ...props }: BoxProps) {
  void hoverClass;
  return <span {...props} />;
}

export function Image(props: {
  className?: string;
  src: string;
  mode?: string;
  ariaLabel?: string;
  showMenuByLongpress?: boolean;
  onClick?: () => void;
}) {
  return (
    <img
      className={props.className}
      src={props.src}
      alt={props.ariaLabel ?? ''}
      onClick={props.onClick}
    />
  );
}

/** Taro's Input reports its value as `event.detail.value`, as WeChat does. */
export function Input(props: {
  className?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  maxlength?: number;
  disabled?: boolean;
  confirmType?: string;
  onInput?: (event: { detail: { value: string } }) => void;
  onConfirm?: () => void;
}) {
  return (
    <input
      className={props.className}
      type="text"
      value={props.value ?? ''}
      placeholder={props.placeholder}
      maxLength={props.maxlength}
      disabled={props.disabled}
      onChange={(event) => props.onInput?.({ detail: { value: event.target.value } })}
      onKeyDown={(event) => {
        if (event.key === 'Enter') props.onConfirm?.();
      }}
    />
  );
}

/** WeChat's native map, as a list of its markers (tapping one is a marker tap). */
export function Map(props: {
  className?: string;
  latitude: number;
  longitude: number;
  markers?: Array<{ id?: number; latitude: number; longitude: number; title?: string }>;
  onMarkerTap?: (event: { detail: { markerId: number | string } }) => void;
}) {
  return (
    <div className={props.className} data-center={`${props.latitude},${props.longitude}`}>
      {(props.markers ?? []).map((marker) => (
        <button
          key={marker.id}
          type="button"
          className="map-marker"
          onClick={() => props.onMarkerTap?.({ detail: { markerId: marker.id ?? -1 } })}
        >
          {marker.title}
        </button>
      ))}
    </div>
  );
}

/** Taro's Textarea reports its value as `event.detail.value`, as WeChat does. */
export function Textarea(props: {
  className?: string;
  value?: string;
  placeholder?: string;
  maxlength?: number;
  disabled?: boolean;
  autoHeight?: boolean;
  onInput?: (event: { detail: { value: string } }) => void;
}) {
  return (
    <textarea
      className={props.className}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      maxLength={props.maxlength}
      disabled={props.disabled}
      onChange={(event) => props.onInput?.({ detail: { value: event.target.value } })}
    />
  );
}
