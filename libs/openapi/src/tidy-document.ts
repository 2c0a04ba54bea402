import { OpenAPIObject, OperationObject, SchemaObject } from '@nestjs/swagger';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * What the plugin reads from the domain DTOs' TypeScript types but cannot say in JSON Schema: a Duration object
 * that travels as Drove's `"<count> <unit>"` string, `type = 'X' as const` (typed Object, with the literal as
 * enum), and `instances = 0` (an integer field typed by its initialiser).
 */
export function tidySchemas(document: OpenAPIObject): void {
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

/**
 * Nest names the operations of a route with several paths `<id>[n]`. The first path is the route; the others are
 * Drove's deprecated aliases (e.g. the controller's `/apis/v1/operations`, still used by older clients).
 */
export function nameAliases(document: OpenAPIObject): void {
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
