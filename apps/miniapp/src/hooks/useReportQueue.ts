import { useSyncExternalStore } from 'react';
import { reportQueue, type ReportDraft } from '../services/report-queue';
import { useSession } from './useSession';

export interface QueuedReports {
  /** The signed-in user's drafts, oldest first. */
  drafts: ReportDraft[];
  isSending: (clientRequestId: string) => boolean;
}

/** The reports waiting on this phone for the signed-in user; re-renders as the queue moves. */
export function useReportQueue(): QueuedReports {
  const { user } = useSession();
  const snapshot = useSyncExternalStore(
    reportQueue.subscribe,
    reportQueue.getSnapshot,
    reportQueue.getSnapshot,
  );
  const drafts = user
    ? snapshot.drafts
        .filter((draft) => draft.userId === user.id)
        .sort((left, right) => left.createdAt.localeCompare(right.createdAt))
    : [];
  return { drafts, isSending: (id) => snapshot.sending.includes(id) };
}
