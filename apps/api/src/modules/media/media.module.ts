import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaAttachments } from './media-attachments';
import { MediaUrlSigner } from './media-url-signer';
import { MediaEntity } from './media.entity';

/** Photos: upload, storage, signed serving, and attaching them to what they show. */
@Module({
  imports: [TypeOrmModule.forFeature([MediaEntity])],
  providers: [MediaUrlSigner, MediaAttachments],
  exports: [MediaAttachments],
})
export class MediaModule {}
