import { useSyncExternalStore } from 'react';
import { reportOwner, reportQueue, type ReportDraft } from '../services/report-queue';
import { useSession } from './useSession';

export interface QueuedReports {
  /** The signed-in user's drafts, oldest first. */
  drafts: ReportDraft[];
  isSending: (clientRequestId: string) => boolean;
}

/** The reports waiting on this phone for the signed-in user; re-renders as the queue moves. */
export function useReportQueue(): QueuedReports {
  // Re-read as the session changes (sign-in, GET /me, sign-out).
  useSession();
  const owner = reportOwner();
  const snapshot = useSyncExternalStore(
    reportQueue.subscribe,
    reportQueue.getSnapshot,
    reportQueue.getSnapshot,
  );
  const drafts = owner
    ? snapshot.drafts
        .filter((draft) => draft.userId === owner)
        .sort((left, right) => left.createdAt.localeCompare(right.createdAt))
    : [];
  return { drafts, isSending: (id) => snapshot.sending.includes(id) };
}
