import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { describeDomainSchemas, polymorphicSubTypes } from './domain-schemas';
import { nameAliases, tidySchemas } from './tidy-document';

export const OPENAPI_JSON_PATH = 'apis/openapi.json';
export const OPENAPI_YAML_PATH = 'apis/openapi.yaml';
export const SWAGGER_UI_PATH = 'apis/docs';

/** Security scheme names, as routes refer to them. */
export const BASIC_AUTH = 'basic';
export const CLUSTER_AUTH = 'cluster';
export const INSTANCE_AUTH = 'instance';

export type SecurityScheme = typeof BASIC_AUTH | typeof CLUSTER_AUTH | typeof INSTANCE_AUTH;

const SCHEMES: Record<SecurityScheme, (builder: DocumentBuilder) => DocumentBuilder> = {
  basic: (b) => b.addBasicAuth({ type: 'http', scheme: 'basic' }, BASIC_AUTH),
  cluster: (b) => b.addApiKey({ type: 'apiKey', in: 'header', name: 'Cluster-Authorization' }, CLUSTER_AUTH),
  instance: (b) =>
    b.addApiKey({ type: 'apiKey', in: 'header', name: 'App-Instance-Authorization' }, INSTANCE_AUTH),
};

export interface DocumentSpec {
  title: string;
  description: string;
  /** The scheme every route needs unless it says otherwise. */
  defaultSecurity: SecurityScheme;
  /** Every scheme some route uses. */
  schemes: SecurityScheme[];
  /** Schema classes referred to by `$ref` only (oneOf members, map values). */
  extraModels: Type[];
}

/**
 * An app's OpenAPI document: routes as Nest registered them, schemas as the Swagger CLI plugin read them from the
 * `*.dto.ts` classes at build time (so it must run on the built code, not under ts-node or Jest's SWC).
 */
export function buildDocument(app: INestApplication, spec: DocumentSpec): OpenAPIObject {
  describeDomainSchemas();
  const builder = new DocumentBuilder()
    .setTitle(spec.title)
    .setDescription(spec.description)
    .setVersion('1')
    .addSecurityRequirements(spec.defaultSecurity);
  const config = spec.schemes.reduce((b, scheme) => SCHEMES[scheme](b), builder).build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [...spec.extraModels, ...polymorphicSubTypes()],
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  tidySchemas(document);
  nameAliases(document);
  return document;
}

/**
 * `GET /apis/openapi.json` (and `.yaml`) and Swagger UI at `/apis/docs`, built from the running app. They are
 * registered on Fastify directly, outside Nest's guards: no credentials and no leader check (the document
 * describes the API and holds no cluster data; Swagger UI asks for credentials only to try a call).
 */
export function serveDocument(app: INestApplication, build: () => OpenAPIObject, siteTitle: string): void {
  SwaggerModule.setup(SWAGGER_UI_PATH, app, build, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: OPENAPI_YAML_PATH,
    customSiteTitle: siteTitle,
  });
}

/**
 * The document of a whole app without running it: in Nest's preview mode no provider is instantiated, so the
 * module's options are never read and nothing connects anywhere.
 */
export async function previewDocument(
  module: Parameters<typeof NestFactory.create>[0],
  build: (app: INestApplication) => OpenAPIObject,
): Promise<OpenAPIObject> {
  const app = await NestFactory.create(module, new FastifyAdapter(), { preview: true, logger: false });
  try {
    return build(app);
  } finally {
    await app.close();
  }
}

/** As committed: two-space JSON and a final newline. */
export const serialiseDocument = (document: OpenAPIObject): string =>
  `${JSON.stringify(document, null, 2)}\n`;
