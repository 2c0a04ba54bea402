import { Module } from '@nestjs/common';
import { SiblingInstancesController } from './sibling-instances.controller';

/** `/apis/v1/internal/instances`, for app instances holding their token. Needs CqrsModule. */
@Module({ controllers: [SiblingInstancesController] })
export class AppSupportModule {}
