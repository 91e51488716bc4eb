/** Page paths of the app, so a moved page breaks the compiler rather than a tap. */
export const PagePath = {
  stations: '/pages/stations/index',
  stationDetail: '/packages/stations/pages/detail/index',
} as const;

export function stationDetailUrl(id: string): string {
  return `${PagePath.stationDetail}?id=${encodeURIComponent(id)}`;
}
