import { CancelLocalServiceOperationCommand } from './cancel-local-service-operation.command';
import { CompleteLocalServiceOperationCommand } from './complete-local-service-operation.command';
import { CreateLocalServiceCommand } from './create-local-service.command';
import { RequestLocalServiceOperationCommand } from './request-local-service-operation.command';

export * from './cancel-local-service-operation.command';
export * from './complete-local-service-operation.command';
export * from './create-local-service.command';
export * from './request-local-service-operation.command';

export type LocalServiceCommand =
  | CreateLocalServiceCommand
  | RequestLocalServiceOperationCommand
  | CancelLocalServiceOperationCommand
  | CompleteLocalServiceOperationCommand;
