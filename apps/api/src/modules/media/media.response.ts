import { ApiProperty } from '@nestjs/swagger';
import { MediaView } from '@yizhan/contracts';

/** OpenAPI description of a photo as the API hands it out (signed, expiring URLs). */
export class MediaViewResponse implements MediaView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    description:
      'Signed URL of the photo (JPEG, long side at most 1600 px); 404 after urlExpiresAt',
    example: '/api/v1/media/6f1c…/full?exp=1764300000&sig=…',
  })
  url!: string;

  @ApiProperty({
    description: 'Signed URL of the thumbnail (JPEG, long side at most 320 px)',
    example: '/api/v1/media/6f1c…/thumb?exp=1764300000&sig=…',
  })
  thumbUrl!: string;

  @ApiProperty({ type: 'integer', description: 'Pixels of the stored photo, upright' })
  width!: number;

  @ApiProperty({ type: 'integer' })
  height!: number;

  @ApiProperty({ format: 'date-time', description: 'When url and thumbUrl stop working' })
  urlExpiresAt!: string;
}
