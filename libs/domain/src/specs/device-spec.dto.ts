import { EnumOf, Integer, NotEmpty, Optional, StringMap, TypeId } from './dto-decorators';

export const DEVICE_PERMISSIONS = ['READ_ONLY', 'WRITE_ONLY', 'MKNOD_ONLY', 'ALL', 'READ_WRITE'] as const;
export type DevicePermission = (typeof DEVICE_PERMISSIONS)[number];

export class DirectDeviceSpecDto {
  @TypeId()
  type = 'DIRECT' as const;
  @NotEmpty()
  pathOnHost!: string;
  @Optional()
  pathInContainer?: string;
  @Optional()
  @EnumOf(DEVICE_PERMISSIONS, 'Permissions')
  permissions?: DevicePermission;
}

export class DetailedDeviceSpecDto {
  @TypeId()
  type = 'DETAILED' as const;
  @Optional()
  driver?: string;
  @Optional()
  @Integer()
  count?: number;
  @Optional()
  deviceIds?: string[];
  @Optional()
  capabilities?: string[][];
  @Optional()
  @StringMap()
  options?: Record<string, string>;
}

export type DeviceSpecDto = DirectDeviceSpecDto | DetailedDeviceSpecDto;

export const deviceSpecTypes = () => ({ DIRECT: DirectDeviceSpecDto, DETAILED: DetailedDeviceSpecDto });
