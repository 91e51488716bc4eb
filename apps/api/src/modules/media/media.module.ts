import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaAttachments } from './media-attachments';
import { MediaSweep } from './media-sweep';
import { MediaUrlSigner } from './media-url-signer';
import { MediaController } from './media.controller';
import { MediaEntity } from './media.entity';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';
import { PhotoProcessor } from './photo-processor';
import { MEDIA_STORAGE_PROVIDER } from './storage/media-storage.provider';

/** Photos: upload, storage, signed serving, and attaching them to what they show. */
@Module({
  imports: [TypeOrmModule.forFeature([MediaEntity])],
  controllers: [MediaController],
  providers: [
    MediaUrlSigner,
    MediaAttachments,
    MediaRepository,
    MediaService,
    MediaSweep,
    PhotoProcessor,
    MEDIA_STORAGE_PROVIDER,
  ],
  exports: [MediaAttachments],
})
export class MediaModule {}
