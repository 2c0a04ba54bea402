import { ApplicationAdmission } from './application-admission';
import { Module } from '@nestjs/common';
import { ApplicationOperationsController } from './application-operations.controller';
import { ApplicationOperationsHandler } from './application-operations.handler';
import { ApplicationQueriesController } from './application-queries.controller';
import { ApplicationSpecValidationController } from './application-spec-validation.controller';
import { PlacementRuleDryRunController } from './placement-rule-dry-run.controller';

/** Applications: operations -> pipeline -> fenced log; queries -> cluster view. Needs CqrsModule. */
@Module({
  providers: [ApplicationOperationsHandler, ApplicationAdmission],
  controllers: [
    ApplicationOperationsController,
    ApplicationQueriesController,
    ApplicationSpecValidationController,
    PlacementRuleDryRunController,
  ],
})
export class ApplicationsModule {}
