import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Routes } from '@yizhan/contracts';
import { ErrorEnvelopeResponse } from './error-envelope.response';

/** Serves the UI at /api/docs and the OpenAPI 3 document at /api/docs-json. */
export function setupOpenApi(app: INestApplication, version: string): void {
  const config = new DocumentBuilder()
    .setTitle('Yizhan API')
    .setDescription(
      'Outdoor-worker service stations: stations, check-in, reports, points and rewards. ' +
        'Coordinates are GCJ-02 decimal degrees; times are ISO 8601 with offset. Every error ' +
        'answers `{"error": {"code", "message", "details"?, "requestId"}}`.',
    )
    .setVersion(version)
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorEnvelopeResponse],
  });
  SwaggerModule.setup(Routes.docs.replace(/^\//, ''), app, document, {
    jsonDocumentUrl: Routes.docsJson.replace(/^\//, ''),
    yamlDocumentUrl: `${Routes.docs.replace(/^\//, '')}-yaml`,
  });
}
