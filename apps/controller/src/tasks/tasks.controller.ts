import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACTIVE_TASK_STATES, Clock, TaskInfoJson, taskDecider, taskStream } from '@drove/domain';
import { Roles } from '../auth/route-access';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { requestActor } from '../cqrs/request-actor';
import { CLOCK } from '../event-store/event-store.tokens';
import { ApiResponse, failure, success } from '../http/api-response';
import { CommandValidationError } from '../http/drove-errors';
import { ClusterViewService } from '../projections/cluster-view.service';
import { TaskOperationsHandler } from './task-operations.handler';
import { parseTaskSearch } from './task-search';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../openapi/api-envelope';
import { ApiTaskOperationBody, ApiTaskSpecBody } from '../openapi/request-bodies';
import { TaskDeletedDto, TaskIdDto } from '../openapi/schemas/operation-results.dto';
import { TaskInfoDto } from '../openapi/schemas/task-info.dto';

/** Drove's task API (reference 1.4). Reads answer from the cluster view; writes go through the pipeline. */
@ApiTags('tasks')
@Controller('apis/v1/tasks')
export class TasksController {
  constructor(
    private readonly handler: TaskOperationsHandler,
    private readonly clusterView: ClusterViewService,
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('operations')
  @Roles('RW')
  @HttpCode(200)
  @ApiTaskOperationBody()
  @ApiEnvelope(TaskIdDto)
  async operation(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<ApiResponse<{ taskId: string }>> {
    return success(await this.handler.handle(body, requestActor(request)));
  }

  @Post('validate/spec')
  @HttpCode(200)
  @ApiTaskSpecBody()
  @ApiEnvelope(null)
  async validate(@Body() body: unknown): Promise<ApiResponse<undefined>> {
    await this.handler.validateSpec(body);
    return success(undefined);
  }

  /** Tasks in Drove's ACTIVE_STATES that an executor (or the saga) reported on. */
  @Get()
  @ApiEnvelope([TaskInfoDto])
  list(): ApiResponse<TaskInfoJson[]> {
    const infos = this.clusterView.view.tasks.all().flatMap((t) => (t.info ? [t.info] : []));
    return success(infos.filter((info) => ACTIVE_TASK_STATES.includes(info.state)));
  }

  @Get(':sourceAppName/instances/:taskId')
  @ApiEnvelope(TaskInfoDto)
  show(
    @Param('sourceAppName') sourceAppName: string,
    @Param('taskId') taskId: string,
  ): ApiResponse<TaskInfoJson> {
    const info = this.clusterView.view.tasks.task(sourceAppName, taskId)?.info;
    return info ? success(info) : failure(`No such task instance ${sourceAppName}/${taskId}`);
  }

  /**
   * The UI's task search box, as Drove's: 303 to the task's page when the view holds the task, else to `/`.
   * Not in the OpenAPI document: a browser form post answered with a redirect, not an API call.
   */
  @Post('search')
  @ApiExcludeEndpoint()
  search(@Body() body: unknown, @Res() reply: FastifyReply): void {
    const search = parseTaskSearch(body);
    if ('errors' in search) throw new CommandValidationError(search.errors);
    const { sourceAppName, taskId } = search;
    const found = this.clusterView.view.tasks.task(sourceAppName, taskId)?.info !== undefined;
    void reply
      .status(303)
      .header('location', found ? `/tasks/${sourceAppName}/${taskId}` : '/')
      .send();
  }

  /** Route class READ as in Drove; a task that may still run keeps its record (the decider refuses). */
  @Delete(':sourceAppName/instances/:taskId')
  @ApiEnvelope(TaskDeletedDto)
  async remove(
    @Param('sourceAppName') sourceAppName: string,
    @Param('taskId') taskId: string,
    @Req() request: FastifyRequest,
  ): Promise<ApiResponse<{ deleted: boolean }>> {
    const outcome = await this.pipeline.execute(
      taskDecider,
      taskStream(sourceAppName, taskId),
      { type: 'DeleteTask', sourceAppName, taskId, at: this.clock.now() },
      { actor: requestActor(request) },
    );
    if (!outcome.ok) return failure(outcome.error.messages.join(', '), { deleted: false });
    const last = outcome.positions[outcome.positions.length - 1];
    if (last !== undefined) await this.clusterView.reached(last);
    return success({ deleted: true });
  }
}
