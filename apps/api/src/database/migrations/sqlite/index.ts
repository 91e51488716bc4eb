import { CreateRegionsAndStations1763856000000 } from './1763856000000-create-regions-and-stations';
import { IdentityAndAccess1763942400000 } from './1763942400000-identity-and-access';
import { PointsLedger1764028800000 } from './1764028800000-points-ledger';
import { RewardsAndRedemptions1764115200000 } from './1764115200000-rewards-and-redemptions';
import { Checkins1764201600000 } from './1764201600000-checkins';
import { MediaAndNotifications1764288000000 } from './1764288000000-media-and-notifications';
import { Reports1764547200000 } from './1764547200000-reports';
import { ReportQueueIndexes1764806400000 } from './1764806400000-report-queue-indexes';
import { StationChangesIndex1764892800000 } from './1764892800000-station-changes-index';
import { WechatMessages1764460800000 } from './1764460800000-wechat-messages';

/** SQLite migrations in the order they apply. Add new ones at the end. */
export const SQLITE_MIGRATIONS = [
  CreateRegionsAndStations1763856000000,
  IdentityAndAccess1763942400000,
  PointsLedger1764028800000,
  RewardsAndRedemptions1764115200000,
  Checkins1764201600000,
  MediaAndNotifications1764288000000,
  WechatMessages1764460800000,
  Reports1764547200000,
  ReportQueueIndexes1764806400000,
  StationChangesIndex1764892800000,
];
