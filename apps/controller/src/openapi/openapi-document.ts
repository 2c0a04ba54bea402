import { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  OpenAPIObject,
  OperationObject,
  SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { describeDomainSchemas, polymorphicSubTypes } from './domain-schemas';
import { CpuAllocationJsonDto, MemoryAllocationJsonDto, PortMappingDto } from './schemas/instance-info.dto';

export const OPENAPI_JSON_PATH = 'apis/openapi.json';
export const SWAGGER_UI_PATH = 'apis/docs';

/** Security scheme names, as routes refer to them. */
export const BASIC_AUTH = 'basic';
export const CLUSTER_AUTH = 'cluster';

const DESCRIPTION = [
  "Drove's controller API v1 (wire-compatible with PhonePe's Drove) and the Drove-TS v2 additions (audit, history).",
  "Answers come in Drove's envelope `{status, data, message}`: clients read `status`, not the HTTP code (a lookup",
  'that finds nothing is 200 with `status: FAILED`). Only the leader answers; a follower says 400',
  '`This node is not the leader controller`. Users authenticate with HTTP basic auth when the controller has',
  'userAuth enabled (401 plain text, 403 empty body otherwise); executors with `Cluster-Authorization`.',
].join(' ');

/**
 * The controller's OpenAPI document: routes as Nest registered them, schemas as the Swagger CLI plugin read them
 * from the DTO classes at build time (so it must run on the built code, not under ts-node or SWC).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  describeDomainSchemas();
  const config = new DocumentBuilder()
    .setTitle('Drove-TS controller')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBasicAuth({ type: 'http', scheme: 'basic' }, BASIC_AUTH)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Cluster-Authorization' }, CLUSTER_AUTH)
    .addSecurityRequirements(BASIC_AUTH)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [CpuAllocationJsonDto, MemoryAllocationJsonDto, PortMappingDto, ...polymorphicSubTypes()],
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  tidySchemas(document);
  nameAliases(document);
  return document;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Nest names the operations of a route with several paths `<id>[n]`. The first path is the route; the others are
 * Drove's deprecated aliases (`/apis/v1/operations`, still used by older clients).
 */
function nameAliases(document: OpenAPIObject): void {
  const operations = Object.values(document.paths).flatMap((item) =>
    METHODS.flatMap((m): OperationObject[] => (item[m] ? [item[m]] : [])),
  );
  for (const operation of operations) {
    const alias = /^(.*)\[(\d+)\]$/.exec(operation.operationId ?? '');
    if (!alias) continue;
    const [, id, index] = alias;
    operation.operationId = index === '0' ? id : `${id}Alias${index}`;
    if (index !== '0') operation.deprecated = true;
  }
}

/**
 * What the plugin reads from the domain DTOs' TypeScript types but cannot say in JSON Schema: a Duration object
 * that travels as Drove's `"<count> <unit>"` string, `type = 'X' as const` (typed Object, with the literal as
 * enum), and `instances = 0` (an integer field typed by its initialiser).
 */
function tidySchemas(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  if (schemas.Duration) {
    schemas.Duration = {
      type: 'string',
      description: "Drove's duration: `<count> <unit>`, e.g. `300 seconds`, `5m`",
      pattern: '^\\d+\\s*\\S+$',
      example: '300 seconds',
    };
  }
  for (const schema of Object.values(schemas) as SchemaObject[]) {
    for (const property of Object.values(schema.properties ?? {}) as SchemaObject[]) {
      if (property.type !== 'object') continue;
      if (property.enum?.every((v: unknown) => typeof v === 'string')) property.type = 'string';
      else if (typeof property.default === 'number') property.type = 'integer';
    }
  }
}
