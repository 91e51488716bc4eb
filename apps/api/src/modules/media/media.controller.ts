import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { MEDIA_MAX_BYTES, MEDIA_MAX_PIXELS, MediaView, Routes } from '@yizhan/contracts';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { perMinute } from '../../common/throttling/throttling.module';
import { CurrentActor, Public, RequiresConsent } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { MEDIA_VARIANTS, MediaService } from './media.service';
import { MediaViewResponse } from './media.response';
import { readSingleUpload, UPLOAD_FIELD } from './multipart-upload';

/** A report takes a handful of photos; a minute's worth is far above any honest use. */
const UPLOADS_PER_MINUTE = 60;
/**
 * Photos are read anonymously, so they count per address, and riders behind one carrier NAT
 * share one: a list of reports shows dozens of thumbnails to each of them.
 */
const READS_PER_MINUTE = 1200;

@ApiTags('media')
@Controller(Routes.media)
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Post()
  @RequiresConsent('photos')
  @Throttle(perMinute(UPLOADS_PER_MINUTE))
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Upload a photo (JPEG, PNG or WebP) for a report or a station',
    description:
      `One file in the multipart field \`${UPLOAD_FIELD}\`, at most ${MEDIA_MAX_BYTES} bytes and ` +
      `${MEDIA_MAX_PIXELS} pixels. The type is read from the bytes. The photo is stored ` +
      're-encoded as JPEG, upright, long side at most 1600 px, with no metadata (EXIF and GPS ' +
      'removed), plus a 320 px thumbnail. It stays yours alone until attached (a report, a ' +
      'station) and is deleted if not attached within 24 hours. Needs the `photos` consent.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD],
      properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: MediaViewResponse })
  @ApiErrorResponses(400, 401, 403, 413, 415, 429)
  async upload(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<MediaView> {
    return this.media.upload(actor, await readSingleUpload(request, MEDIA_MAX_BYTES));
  }

  @Get(':id/:variant')
  @Public()
  @Throttle(perMinute(READS_PER_MINUTE))
  @ApiOperation({
    summary: 'A photo or its thumbnail, through the signed URL the API handed out',
    description:
      'The URL is the permission (the mini-program cannot send a token with an image): any ' +
      'missing, altered, expired or other-variant signature answers 404, as does an unknown photo.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'variant', enum: MEDIA_VARIANTS })
  @ApiQuery({ name: 'exp', description: 'Expiry, Unix seconds (from the signed URL)' })
  @ApiQuery({ name: 'sig', description: 'Signature (from the signed URL)' })
  // The JPEG is named on the 200 alone (not @ApiProduces), so errors stay JSON envelopes.
  @ApiOkResponse({
    description: 'The JPEG; cacheable privately until the URL expires',
    content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Cache-Control': {
        description: 'private, max-age=<seconds until the URL expires>',
        schema: { type: 'string' },
      },
    },
  })
  @ApiErrorResponses(404, 429)
  async file(
    @Param('id') id: string,
    @Param('variant') variant: string,
    @Query('exp') exp: unknown,
    @Query('sig') sig: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const served = await this.media.open(id, variant, exp, sig);
    await reply
      .header('content-type', served.contentType)
      .header('content-length', served.length)
      .header('cache-control', `private, max-age=${served.maxAgeSeconds}`)
      .header('x-content-type-options', 'nosniff')
      .send(served.stream);
  }
}
