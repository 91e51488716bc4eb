import type { Messages } from './zh-CN';

type PartialMessages = {
  [Section in keyof Messages]?: Messages[Section] extends readonly string[]
    ? readonly string[]
    : Partial<Record<keyof Messages[Section], string>>;
};

/** English follows zh-CN; a missing key falls back to the Chinese text, never to a raw key. */
export const enUS: PartialMessages = {
  text: {
    'app.name': 'Yizhan',
    'tab.stations': 'Stations',
    'tab.scan': 'Scan',
    'tab.report': 'Report',
    'tab.points': 'Points',
    'tab.me': 'Me',
    'common.retry': 'Retry',
    'common.loading': 'Loading…',
    'common.loadingMore': 'Loading more…',
    'common.noMore': 'No more stations',
    'stations.title': 'Nearby stations',
    'stations.titleByName': 'All stations',
    'stations.filter.openNow': 'Open now',
    'stations.filter.batterySwap': 'Battery swap',
    'stations.locating': 'Finding your location…',
    'stations.locationFallback': 'Location unavailable; stations are listed by name.',
    'stations.locationRetry': 'Try again',
    'stations.empty.title': 'No stations nearby',
    'stations.error.title': 'Could not load stations',
    'station.badge.openNow': 'Open',
    'station.badge.resting': 'Closed now',
    'station.badge.paused': 'Paused',
    'format.meters': '{n} m',
    'format.kilometers': '{n} km',
    'format.rideMinutes': 'about {n} min by bike',
    'format.rideUnderOneMinute': 'under 1 min by bike',
    'format.intervalsJoin': ', ',
    'detail.call': 'Call',
    'detail.navigate': 'Directions',
    'soon.title': 'Coming soon',
  },
  errors: {
    NETWORK_ERROR: 'Network problem. Check your connection and retry.',
    NOT_FOUND: 'Not found.',
    UNKNOWN_ERROR: 'Something went wrong. Please try again later.',
  },
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
