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
}) {
  return <img className={props.className} src={props.src} alt={props.ariaLabel ?? ''} />;
}
