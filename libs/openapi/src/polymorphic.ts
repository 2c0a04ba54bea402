import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions, getSchemaPath, SchemaObject } from '@nestjs/swagger';

/** A `type` id -> DTO class table, as libs/domain keeps one per polymorphic spec (`checkModeTypes()`, ...). */
export type SubTypes = Record<string, Type>;

/** oneOf the subtypes of one of Drove's polymorphic specs, discriminated by `type`. */
export function polymorphicSchema(subTypes: SubTypes): SchemaObject {
  return {
    oneOf: [...new Set(Object.values(subTypes))].map((cls) => ({ $ref: getSchemaPath(cls) })),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(Object.entries(subTypes).map(([id, cls]) => [id, getSchemaPath(cls)])),
    },
  };
}

/** A property holding one of the subtypes (or a list of them, with `list`). */
export function PolymorphicProperty(subTypes: SubTypes, list: boolean, required: boolean): PropertyDecorator {
  const one = polymorphicSchema(subTypes);
  const schema: SchemaObject = list ? { type: 'array', items: one } : one;
  return ApiProperty({ ...schema, required } as ApiPropertyOptions);
}
