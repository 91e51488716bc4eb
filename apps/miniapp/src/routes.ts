/** Page paths of the app, so a moved page breaks the compiler rather than a tap. */
export const PagePath = {
  stations: '/pages/stations/index',
  me: '/pages/me/index',
  stationDetail: '/packages/stations/pages/detail/index',
  login: '/packages/account/pages/login/index',
  editProfile: '/packages/account/pages/profile/index',
} as const;

export function stationDetailUrl(id: string): string {
  return `${PagePath.stationDetail}?id=${encodeURIComponent(id)}`;
}
