/**
 * `POST /media` → 201. `url` and `thumbUrl` are signed and expire (`urlExpiresAt`): the
 * mini-program's `<Image>` cannot send an Authorization header. An unsigned or expired URL → 404.
 */
export interface MediaView {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  urlExpiresAt: string;
}
