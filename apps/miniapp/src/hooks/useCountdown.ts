import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Whole seconds left until a deadline (SMS resend). Counts against the clock rather than
 * ticks, so a page that slept in the background shows the right number when it wakes.
 */
export function useCountdown(): [remaining: number, start: (seconds: number) => void] {
  const [remaining, setRemaining] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stop = useCallback(() => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
  }, []);

  const start = useCallback(
    (seconds: number) => {
      stop();
      const total = Math.max(0, Math.ceil(seconds));
      setRemaining(total);
      if (total === 0) return;
      const deadline = Date.now() + total * 1000;
      timer.current = setInterval(() => {
        const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
        setRemaining(left);
        if (left === 0) stop();
      }, 1000);
    },
    [stop],
  );

  useEffect(() => stop, [stop]);

  return [remaining, start];
}
