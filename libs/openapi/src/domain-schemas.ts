import { Type } from '@nestjs/common';
import {
  ApplicationInstanceSpecDto,
  CheckSpecDto,
  CpuAllocationDto,
  LocalServiceInstanceSpecDto,
  MemoryAllocationDto,
  TaskInstanceSpecDto,
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
import { PolymorphicProperty, SubTypes } from './polymorphic';

// libs/domain stays free of Nest, so what the Swagger plugin cannot read from its DTOs is declared here, from the
// outside: a field typed as a union of DTO classes (Drove's `type`-discriminated specs) reads as `object` to the
// plugin; here it becomes a oneOf of the subtypes with the discriminator Drove uses.

/** Resource allocations in instance specs and runtime records (libs/domain keeps this table private). */
export const allocationTypes = (): SubTypes => ({ CPU: CpuAllocationDto, MEMORY: MemoryAllocationDto });

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
  // the instance specs' abstract base is private to libs/domain: its fields are described on each subclass
  ...[ApplicationInstanceSpecDto, TaskInstanceSpecDto, LocalServiceInstanceSpecDto].flatMap((owner) => [
    { owner, field: 'resources', subTypes: allocationTypes, list: true, required: true },
    { owner, field: 'configs', subTypes: configSpecTypes, list: true, required: false },
    { owner, field: 'loggingSpec', subTypes: loggingSpecTypes, list: false, required: false },
    { owner, field: 'devices', subTypes: deviceSpecTypes, list: true, required: false },
  ]),
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
