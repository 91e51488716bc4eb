import type { RegionLevel } from '../enums';

/** One node of `GET /regions`; children nest down to communities. */
export interface RegionNode {
  id: string;
  /** GB/T 2260 code where one exists (city/district), otherwise a local code. */
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  timeZone: string;
  children: RegionNode[];
}
