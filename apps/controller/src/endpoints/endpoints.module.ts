import { Module } from '@nestjs/common';
import { EndpointsController } from './endpoints.controller';

/** `/apis/v1/endpoints`. Needs CqrsModule and ExecutionModule (the executor registry). */
@Module({ controllers: [EndpointsController] })
export class EndpointsModule {}
