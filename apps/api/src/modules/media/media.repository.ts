import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MediaEntity } from './media.entity';

/** Rows of the `media` table the upload and the serving need. */
@Injectable()
export class MediaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(media: MediaEntity): Promise<void> {
    await this.dataSource.manager.insert(MediaEntity, media);
  }

  findById(id: string): Promise<MediaEntity | null> {
    return this.dataSource.manager.findOne(MediaEntity, { where: { id } });
  }
}
