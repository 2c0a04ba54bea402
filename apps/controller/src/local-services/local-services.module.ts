import { Module } from '@nestjs/common';
import { LocalServiceOperationsController } from './local-service-operations.controller';
import { LocalServiceOperationsHandler } from './local-service-operations.handler';
import { LocalServiceQueriesController } from './local-service-queries.controller';
import { LocalServiceSpecValidationController } from './local-service-spec-validation.controller';
import { ReservedResourcesController } from './reserved-resources.controller';

/** Local services: operations -> pipeline -> fenced log; queries -> cluster view. Needs CqrsModule. */
@Module({
  providers: [LocalServiceOperationsHandler],
  controllers: [
    LocalServiceSpecValidationController,
    LocalServiceOperationsController,
    LocalServiceQueriesController,
    ReservedResourcesController,
  ],
})
export class LocalServicesModule {}
