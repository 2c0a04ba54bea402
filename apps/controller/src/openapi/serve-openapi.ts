import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument, OPENAPI_JSON_PATH, SWAGGER_UI_PATH } from './openapi-document';

/**
 * `GET /apis/openapi.json` and Swagger UI at `/apis/docs`. Both are registered on Fastify directly, outside Nest's
 * guards: every controller serves them, leader or not, without credentials (the document describes the API, it
 * holds no cluster data; Swagger UI asks for credentials only when the user tries a call).
 */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup(SWAGGER_UI_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: 'apis/openapi.yaml',
    customSiteTitle: 'Drove-TS controller API',
  });
}
