import { Provider } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { LocalMediaStorage } from './local-media-storage';
import { MediaStorage } from './media-storage';

/** The storage driver the configuration names; the S3 SDK loads only when it is chosen. */
export async function createMediaStorage(config: AppConfig): Promise<MediaStorage> {
  const settings = config.mediaStorage;
  if (settings.driver === 'local') return new LocalMediaStorage(settings.dir);
  const { S3MediaStorage } = await import('./s3-media-storage');
  return new S3MediaStorage(settings);
}

export const MEDIA_STORAGE_PROVIDER: Provider = {
  provide: MediaStorage,
  inject: [AppConfig],
  useFactory: createMediaStorage,
};
