import S3rver from '@20minutes/s3rver';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The AWS SDK warns once per process that its releases after January 2027 need Node 22; the
// pinned version runs on Node 20 (docs/media.md), and the warning would only clutter test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** s3rver's fixed credentials: it checks every request's SigV4 signature against them. */
export const S3RVER_KEY = 'S3RVER';

/**
 * A real S3-protocol server (s3rver) on 127.0.0.1, on a port the OS picks, keeping its objects
 * in a temporary folder: the API's S3 driver talks HTTP and SigV4 to it as it would to MinIO.
 */
export interface LocalS3 {
  bucket: string;
  endpoint: string;
  /** Where s3rver keeps the objects (to prove what is, and is not, stored). */
  directory: string;
  /** The environment that points the API's media storage at this server. */
  env(): Record<string, string>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function localS3(bucket = 'yizhan-media'): LocalS3 {
  let server: S3rver | null = null;
  const s3: LocalS3 = {
    bucket,
    endpoint: '',
    directory: mkdtempSync(join(tmpdir(), 'yizhan-s3-')),
    env: () => ({
      MEDIA_STORAGE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: S3RVER_KEY,
      S3_SECRET_ACCESS_KEY: S3RVER_KEY,
      S3_FORCE_PATH_STYLE: 'true',
    }),
    async start() {
      server = new S3rver({
        address: '127.0.0.1',
        port: 0,
        silent: true,
        directory: s3.directory,
        configureBuckets: [{ name: bucket }],
      });
      const address = await server.run();
      s3.endpoint = `http://127.0.0.1:${address.port}`;
    },
    async stop() {
      await server?.close();
      server = null;
      rmSync(s3.directory, { recursive: true, force: true });
    },
  };
  return s3;
}
