import { StationVisit } from '@yizhan/contracts';
import { CheckinEntity } from '../checkins/checkin.entity';

/**
 * One visit as station staff see it: the worker's nickname and nothing else about them (none
 * once they erased their data), how the visit was proven and why it earned nothing. Never the
 * location, distance or phone, whatever the row carries.
 */
export function toStationVisit(row: CheckinEntity): StationVisit {
  const user = row.user;
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    nickname: user && !user.erasedAt ? user.nickname : null,
    method: row.method,
    flags: row.flag ? [row.flag] : [],
  };
}
