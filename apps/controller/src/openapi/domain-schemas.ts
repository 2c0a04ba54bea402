import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions, getSchemaPath, SchemaObject } from '@nestjs/swagger';
import {
  CheckSpecDto,
  CompositePlacementPolicyDto,
  DeployableSpecDto,
  PreShutdownSpecDto,
  checkModeTypes,
  configSpecTypes,
  deviceSpecTypes,
  loggingSpecTypes,
  placementPolicyTypes,
  resourceRequirementTypes,
} from '@drove/domain';

// libs/domain stays free of Nest, so what the Swagger plugin cannot read from its DTOs is declared here, from the
// outside: a field typed as a union of DTO classes (Drove's `type`-discriminated specs) reads as `object` to the
// plugin; here it becomes a oneOf of the subtypes with the discriminator Drove uses.

type SubTypes = Record<string, Type>;

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

interface PolymorphicField {
  owner: Type | (abstract new () => object);
  field: string;
  subTypes: () => SubTypes;
  list: boolean;
  required: boolean;
}

const POLYMORPHIC_FIELDS: PolymorphicField[] = [
  { owner: CheckSpecDto, field: 'mode', subTypes: checkModeTypes, list: false, required: true },
  { owner: PreShutdownSpecDto, field: 'hooks', subTypes: checkModeTypes, list: true, required: false },
  { owner: DeployableSpecDto, field: 'configs', subTypes: configSpecTypes, list: true, required: false },
  { owner: DeployableSpecDto, field: 'logging', subTypes: loggingSpecTypes, list: false, required: false },
  {
    owner: DeployableSpecDto,
    field: 'resources',
    subTypes: resourceRequirementTypes,
    list: true,
    required: true,
  },
  {
    owner: DeployableSpecDto,
    field: 'placementPolicy',
    subTypes: placementPolicyTypes,
    list: false,
    required: false,
  },
  { owner: DeployableSpecDto, field: 'devices', subTypes: deviceSpecTypes, list: true, required: false },
  {
    owner: CompositePlacementPolicyDto,
    field: 'policies',
    subTypes: placementPolicyTypes,
    list: true,
    required: true,
  },
];

/** Every subtype the polymorphic fields name, to register as extra models. */
export const polymorphicSubTypes = (): Type[] => [
  ...new Set(POLYMORPHIC_FIELDS.flatMap((f) => Object.values(f.subTypes()))),
];

let described = false;

/** Adds the oneOf schemas to the domain DTOs' metadata; idempotent, and before any document is built. */
export function describeDomainSchemas(): void {
  if (described) return;
  described = true;
  for (const { owner, field, subTypes, list, required } of POLYMORPHIC_FIELDS) {
    PolymorphicProperty(subTypes(), list, required)(owner.prototype, field);
  }
}
