import { INestApplication } from '@nestjs/common';
import { serveDocument } from '@drove/openapi';
import { buildOpenApiDocument } from './openapi-document';

/** `/apis/openapi.json` and `/apis/docs` on every controller, leader or not, without credentials. */
export const serveOpenApi = (app: INestApplication): void =>
  serveDocument(app, () => buildOpenApiDocument(app), 'Drove-TS controller API');
