import { Text, View } from '@tarojs/components';
import type { ReportTimelineEntry } from '@yizhan/contracts';
import { reportActionLabel, roleLabel, t } from '../../i18n';
import { formatDateTime } from '../../utils/datetime';
import { ReportPhotos } from '../ReportPhotos';
import './index.scss';

function actorOf(entry: ReportTimelineEntry): string {
  return entry.actorRole === 'system'
    ? t('reportDetail.timeline.system')
    : roleLabel(entry.actorRole);
}

/**
 * 处理进度: each step, newest first, with who did it, when, the department and any note or
 * photos. The API lists the steps in the order they happened (a per-report sequence): reversed
 * here rather than sorted by time, since steps taken in the same second would tie.
 */
export function ReportTimeline({ entries }: { entries: readonly ReportTimelineEntry[] }) {
  const newestFirst = [...entries].reverse();
  return (
    <View className="report-timeline">
      {newestFirst.map((entry, index) => (
        <View
          key={`${entry.action}-${entry.at}-${index}`}
          className={`report-timeline__step report-timeline__step--${entry.action} ${
            index === 0 ? 'report-timeline__step--latest' : ''
          }`}
        >
          <View className="report-timeline__dot" />
          <View className="report-timeline__body">
            <View className="report-timeline__head">
              <Text className="report-timeline__action">{reportActionLabel(entry.action)}</Text>
              <Text className="report-timeline__time">{formatDateTime(entry.at)}</Text>
            </View>
            <Text className="report-timeline__actor">{actorOf(entry)}</Text>
            {entry.department && (
              <Text className="report-timeline__department">
                {t('reportDetail.timeline.dispatchTo', { department: entry.department.name })}
              </Text>
            )}
            {entry.note && <Text className="report-timeline__note">{entry.note}</Text>}
            {entry.photos.length > 0 && (
              <View className="report-timeline__photos">
                <ReportPhotos photos={entry.photos} />
              </View>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}
