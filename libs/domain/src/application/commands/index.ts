import { CancelApplicationOperationCommand } from './cancel-application-operation.command';
import { CompleteApplicationOperationCommand } from './complete-application-operation.command';
import { CreateApplicationCommand } from './create-application.command';
import { DestroyApplicationCommand } from './destroy-application.command';
import { RecoverApplicationCommand } from './recover-application.command';
import { ReplaceApplicationInstancesCommand } from './replace-application-instances.command';
import { ScaleApplicationCommand } from './scale-application.command';
import { StartApplicationInstancesCommand } from './start-application-instances.command';
import { StopApplicationInstancesCommand } from './stop-application-instances.command';
import { SuspendApplicationCommand } from './suspend-application.command';

export * from './cancel-application-operation.command';
export * from './complete-application-operation.command';
export * from './create-application.command';
export * from './destroy-application.command';
export * from './recover-application.command';
export * from './replace-application-instances.command';
export * from './scale-application.command';
export * from './start-application-instances.command';
export * from './stop-application-instances.command';
export * from './suspend-application.command';

export type ApplicationCommand =
  | CreateApplicationCommand
  | StartApplicationInstancesCommand
  | StopApplicationInstancesCommand
  | ScaleApplicationCommand
  | ReplaceApplicationInstancesCommand
  | SuspendApplicationCommand
  | RecoverApplicationCommand
  | DestroyApplicationCommand
  | CancelApplicationOperationCommand
  | CompleteApplicationOperationCommand;
