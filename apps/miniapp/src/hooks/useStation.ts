import { ErrorCode, type StationDetail } from '@yizhan/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, ClientErrorCode } from '../services/api-error';
import { getStation } from '../services/stations';

export type StationDetailState =
  | { phase: 'loading' }
  | { phase: 'ready'; station: StationDetail }
  | { phase: 'not-found' }
  | { phase: 'error'; error: ApiError };

/** One station by id; a 404 (absent or hidden) is its own state, not an error. */
export function useStation(id: string | undefined): [StationDetailState, () => void] {
  const [state, setState] = useState<StationDetailState>({ phase: 'loading' });
  const generation = useRef(0);

  const load = useCallback(() => {
    const ticket = ++generation.current;
    if (!id) {
      setState({ phase: 'not-found' });
      return;
    }
    setState({ phase: 'loading' });
    getStation(id).then(
      (station) => {
        if (ticket === generation.current) setState({ phase: 'ready', station });
      },
      (caught: unknown) => {
        if (ticket !== generation.current) return;
        if (caught instanceof ApiError && caught.code === ErrorCode.NOT_FOUND) {
          setState({ phase: 'not-found' });
          return;
        }
        const error =
          caught instanceof ApiError
            ? caught
            : new ApiError({
                code: ClientErrorCode.UnknownError,
                status: 0,
                message: String(caught),
              });
        setState({ phase: 'error', error });
      },
    );
  }, [id]);

  useEffect(() => {
    load();
  }, [load]);

  return [state, load];
}
