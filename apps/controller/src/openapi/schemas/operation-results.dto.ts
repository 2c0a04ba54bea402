/** The id of the application an operation acted on: `<name>-<version>`. */
export class AppIdDto {
  appId!: string;
}

export class TaskIdDto {
  taskId!: string;
}

export class TaskDeletedDto {
  deleted!: boolean;
}

export class SpecValidDto {
  valid!: boolean;
}

/** The id of the local service an operation acted on: `<name>-<version>`. */
export class ServiceIdDto {
  serviceId!: string;
}
