import type { MultipartFile } from '@fastify/multipart';
import { FastifyRequest } from 'fastify';
import { ValidationFailedError } from '../../common/errors/domain.error';
import { MediaError } from './media.errors';

/** The one multipart field an upload carries. */
export const UPLOAD_FIELD = 'file';

/** Room for the multipart framing (boundaries, part headers) around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

/** Caps for busboy; anything past the single expected part is refused before these bite. */
const PART_LIMITS = { files: 4, fields: 8, parts: 12, fieldSize: 1024, headerPairs: 32 };

/** Errors @fastify/multipart and busboy raise for a request that is not well-formed. */
const MALFORMED_CODES = new Set([
  'FST_PARTS_LIMIT',
  'FST_FILES_LIMIT',
  'FST_FIELDS_LIMIT',
  'FST_PROTO_VIOLATION',
  'FST_INVALID_MULTIPART_CONTENT_TYPE',
]);

const expectedShape = () =>
  ValidationFailedError.forField(
    UPLOAD_FIELD,
    'isSingleFile',
    `Send multipart/form-data with one file in the field "${UPLOAD_FIELD}" and nothing else`,
  );

const tooLarge = (maxBytes: number) =>
  MediaError.tooLarge(`The file is larger than ${maxBytes} bytes`, { maxBytes });

/**
 * Reads the single file of a multipart upload into memory, never more than `maxBytes` of it:
 * a declared Content-Length over the limit is refused before a byte is read, and a streamed
 * body is cut off by busboy at the limit (413). A missing `file`, a second file or any other
 * field is a 400. What the client says about the file (name, type) is ignored.
 */
export async function readSingleUpload(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) throw expectedShape();
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
    throw tooLarge(maxBytes);
  }

  let upload: Buffer | null = null;
  try {
    const parts = request.parts({ limits: { ...PART_LIMITS, fileSize: maxBytes } });
    for await (const part of parts) {
      if (part.type !== 'file' || part.fieldname !== UPLOAD_FIELD || upload !== null) {
        throw expectedShape();
      }
      upload = await readFile(part, maxBytes);
    }
  } catch (error) {
    throw asUploadError(error, maxBytes);
  }
  if (upload === null) throw expectedShape();
  return upload;
}

async function readFile(part: MultipartFile, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  // busboy stops at the limit and marks the stream: what came is not the whole file.
  if (part.file.truncated) throw tooLarge(maxBytes);
  return Buffer.concat(chunks, size);
}

function asUploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof MediaError || error instanceof ValidationFailedError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  if (typeof code === 'string' && MALFORMED_CODES.has(code)) return expectedShape();
  // busboy's own parse errors ("Unexpected end of form", a bad boundary) carry no code.
  if (error instanceof Error && !('statusCode' in error)) {
    return ValidationFailedError.forField(
      UPLOAD_FIELD,
      'isMultipart',
      'The multipart body is malformed or incomplete',
    );
  }
  return error;
}
