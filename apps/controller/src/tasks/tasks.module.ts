import { Module } from '@nestjs/common';
import { TaskOperationsHandler } from './task-operations.handler';
import { TasksController } from './tasks.controller';

/** Tasks: operations -> pipeline -> fenced log; queries -> cluster view. Needs CqrsModule and ExecutionModule. */
@Module({ providers: [TaskOperationsHandler], controllers: [TasksController] })
export class TasksModule {}
