import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';

/**
 * A number that goes up each time the page is shown again (not on its first show, which the
 * page's own first load covers), for effects that reload when the user comes back; `onShow`
 * runs on every show.
 */
export function useReshowTick(onShow?: () => void): number {
  const shows = useRef(0);
  const [tick, setTick] = useState(0);
  useDidShow(() => {
    onShow?.();
    shows.current += 1;
    if (shows.current > 1) setTick((value) => value + 1);
  });
  return tick;
}
