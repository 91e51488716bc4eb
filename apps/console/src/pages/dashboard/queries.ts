import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  DEFAULT_TOP_VOLUNTEERS,
  Routes,
  VisitGranularity,
  type PointsStatsResponse,
  type ReportStatsResponse,
  type VisitStatsResponse,
  type VolunteerStatsResponse,
} from '@yizhan/contracts';
import { api } from '../../api/client';
import { statsQuery, type StatsFilter } from '../../components/stats/stats-range';

/** Station rows per page of the monthly visit table. */
export const VISIT_ROWS_PER_PAGE = 50;

/** Monthly visits: the scope's totals (whole, on every page) and station rows paged by cursor. */
export function useVisitStats(filter: StatsFilter) {
  return useInfiniteQuery({
    queryKey: ['stats', 'visits', filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<VisitStatsResponse>(
        Routes.visitStats,
        {
          ...statsQuery(filter),
          granularity: VisitGranularity.Month,
          limit: VISIT_ROWS_PER_PAGE,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useReportStats(filter: StatsFilter) {
  return useQuery({
    queryKey: ['stats', 'reports', filter],
    queryFn: ({ signal }) =>
      api.get<ReportStatsResponse>(Routes.statsReports, statsQuery(filter), signal),
  });
}

export function usePointsStats(filter: StatsFilter) {
  return useQuery({
    queryKey: ['stats', 'points', filter],
    queryFn: ({ signal }) =>
      api.get<PointsStatsResponse>(Routes.statsPoints, statsQuery(filter), signal),
  });
}

export function useVolunteerStats(year: number, regionId: string | undefined) {
  return useQuery({
    queryKey: ['stats', 'volunteers', year, regionId],
    queryFn: ({ signal }) =>
      api.get<VolunteerStatsResponse>(
        Routes.statsVolunteers,
        { year, regionId, limit: DEFAULT_TOP_VOLUNTEERS },
        signal,
      ),
  });
}
