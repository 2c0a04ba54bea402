import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OpenAPIObject } from '@nestjs/swagger';
import { ControllerModule, ControllerModuleOptions } from '../controller.module';
import { buildOpenApiDocument } from './openapi-document';

/** Where the committed document lives, relative to the repository root. */
export const COMMITTED_OPENAPI = 'apps/controller/openapi.json';

/**
 * The document of the whole controller without running one: in Nest's preview mode no provider is instantiated,
 * so the module's options (election, store, ...) are never read and nothing connects anywhere.
 */
export async function controllerOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(
    ControllerModule.create({} as ControllerModuleOptions),
    new FastifyAdapter(),
    { preview: true, logger: false },
  );
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** As committed: two-space JSON and a final newline. */
export const serialiseDocument = (document: OpenAPIObject): string =>
  `${JSON.stringify(document, null, 2)}\n`;

if (require.main === module) {
  const target = resolve(process.argv[2] ?? COMMITTED_OPENAPI);
  controllerOpenApiDocument()
    .then((document) => {
      writeFileSync(target, serialiseDocument(document));
      process.stdout.write(`wrote ${target}\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`openapi: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
}
