import { ErrorCode } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export type MediaErrorCode =
  | typeof ErrorCode.MEDIA_NOT_ATTACHABLE
  | typeof ErrorCode.PAYLOAD_TOO_LARGE
  | typeof ErrorCode.UNSUPPORTED_MEDIA_TYPE;

export class MediaError extends DomainError<MediaErrorCode> {
  /** Media ids that are not the caller's uploads, are used elsewhere, or do not exist. */
  static notAttachable(mediaIds: string[]): MediaError {
    return new MediaError(
      ErrorCode.MEDIA_NOT_ATTACHABLE,
      'Some photos cannot be used: upload them again',
      { mediaIds },
    );
  }

  static tooLarge(message: string, details?: unknown): MediaError {
    return new MediaError(ErrorCode.PAYLOAD_TOO_LARGE, message, details);
  }

  static unsupported(message = 'The file is not a JPEG, PNG or WebP image'): MediaError {
    return new MediaError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
  }
}
