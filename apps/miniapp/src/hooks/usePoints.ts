import type { PointsBalance, PointsTransferItem } from '@yizhan/contracts';
import { useCallback, useEffect } from 'react';
import { getPointsBalance, listPointsTransfers } from '../services/points';
import { usePagedList, type PagedListState } from './usePagedList';
import { useResource, type ResourceState } from './useResource';
import { useSession } from './useSession';

const PAGE_SIZE = 20;

export interface PointsState {
  signedIn: boolean;
  balance: ResourceState<PointsBalance>;
  history: PagedListState<PointsTransferItem, null>;
}

export interface PointsActions {
  /** Balance and the first page of history, both (each time the tab shows, pull-down). */
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

const fetchHistory = (_query: null, cursor: string | undefined) =>
  listPointsTransfers({ limit: PAGE_SIZE, cursor });

/**
 * The 积分 tab: the balance card and the history below it, loaded side by side. Signed out,
 * nothing loads and what was shown is forgotten (a tab page lives on, and the phone may be
 * handed to someone else who signs in next).
 */
export function usePoints(): [PointsState, PointsActions] {
  const { signedIn } = useSession();
  const [balance, balanceActions] = useResource(getPointsBalance);
  const [history, historyActions] = usePagedList(fetchHistory, null);
  const { reload: reloadBalance, reset: resetBalance } = balanceActions;
  const { reload: reloadHistory, reset: resetHistory, loadMore } = historyActions;

  useEffect(() => {
    if (signedIn) return;
    resetBalance();
    resetHistory();
  }, [signedIn, resetBalance, resetHistory]);

  const reload = useCallback(async () => {
    if (!signedIn) return;
    await Promise.all([reloadBalance(), reloadHistory()]);
  }, [signedIn, reloadBalance, reloadHistory]);

  return [
    { signedIn, balance, history },
    { reload, loadMore },
  ];
}
