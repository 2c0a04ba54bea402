import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock, ExecutorAddressJson, InstanceKind, taskDecider, taskStream } from '@drove/domain';
import { Roles } from '../auth/route-access';
import { CommandPipeline } from '../cqrs/command-pipeline';
import { CLOCK } from '../event-store/event-store.tokens';
import { ExecutorRegistry } from '../executors/executor-registry';
import { ClusterViewService } from '../projections/cluster-view.service';
import {
  EXECUTOR_CREDENTIALS,
  ExecutorCredentials,
  LogFileCall,
  contentTypeOf,
  proxyLogFile,
  renamedDownload,
} from './log-file-proxy';
import { ApiLogFileDownload, ApiLogFileList, ApiLogFileRead } from '../openapi/log-file-responses';

const JSON_TYPE = { 'content-type': 'application/json' };

type Query = Record<string, string | undefined>;

/**
 * Drove's `/v1/logfiles` (reference 1.6): the executor running the app or local-service instance or the task is
 * found from the log, then its file-stream API is proxied with the CONTROLLER secret. No instance, task or live
 * executor: 204, as Drove.
 */
@ApiTags('logs')
@Controller('apis/v1/logfiles')
@Roles('LOGS')
export class LogFilesController {
  constructor(
    private readonly clusterView: ClusterViewService,
    private readonly registry: ExecutorRegistry,
    private readonly pipeline: CommandPipeline,
    @Inject(EXECUTOR_CREDENTIALS) private readonly credentials: ExecutorCredentials,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('applications/:appId/:instanceId/list')
  @ApiLogFileList('appId', 'instanceId')
  appList(@Param('appId') appId: string, @Param('instanceId') id: string, @Res() reply: FastifyReply) {
    return this.instance(reply, 'APPLICATION', appId, id, (at) => this.list(reply, at, appId, id));
  }

  @Get('applications/:appId/:instanceId/read/:file')
  @ApiLogFileRead('appId', 'instanceId')
  appRead(@Param() p: Record<string, string>, @Query() q: Query, @Res() reply: FastifyReply) {
    return this.instance(reply, 'APPLICATION', p.appId, p.instanceId, (at) =>
      this.read(reply, at, p.appId, p.instanceId, p.file, q),
    );
  }

  @Get('applications/:appId/:instanceId/download/:file')
  @ApiLogFileDownload('appId', 'instanceId')
  appDownload(@Param() p: Record<string, string>, @Query() q: Query, @Res() reply: FastifyReply) {
    return this.instance(reply, 'APPLICATION', p.appId, p.instanceId, (at) =>
      this.download(reply, at, p.appId, p.instanceId, p.file, q),
    );
  }

  @Get('tasks/:appName/:taskId/list')
  @ApiLogFileList('appName', 'taskId')
  taskList(@Param('appName') appName: string, @Param('taskId') id: string, @Res() reply: FastifyReply) {
    return this.task(reply, appName, id, (at) => this.list(reply, at, appName, id));
  }

  @Get('tasks/:appName/:taskId/read/:file')
  @ApiLogFileRead('appName', 'taskId')
  taskRead(@Param() p: Record<string, string>, @Query() q: Query, @Res() reply: FastifyReply) {
    return this.task(reply, p.appName, p.taskId, (at) =>
      this.read(reply, at, p.appName, p.taskId, p.file, q),
    );
  }

  @Get('tasks/:appName/:taskId/download/:file')
  @ApiLogFileDownload('appName', 'taskId')
  taskDownload(@Param() p: Record<string, string>, @Query() q: Query, @Res() reply: FastifyReply) {
    return this.task(reply, p.appName, p.taskId, (at) =>
      this.download(reply, at, p.appName, p.taskId, p.file, q),
    );
  }

  @Get('localservices/:serviceId/:instanceId/list')
  @ApiLogFileList('serviceId', 'instanceId')
  serviceList(
    @Param('serviceId') serviceId: string,
    @Param('instanceId') id: string,
    @Res() reply: FastifyReply,
  ) {
    return this.instance(reply, 'LOCAL_SERVICE', serviceId, id, (at) => this.list(reply, at, serviceId, id));
  }

  @Get('localservices/:serviceId/:instanceId/read/:file')
  @ApiLogFileRead('serviceId', 'instanceId')
  serviceRead(@Param() p: Record<string, string>, @Query() q: Query, @Res() reply: FastifyReply) {
    return this.instance(reply, 'LOCAL_SERVICE', p.serviceId, p.instanceId, (at) =>
      this.read(reply, at, p.serviceId, p.instanceId, p.file, q),
    );
  }

  @Get('localservices/:serviceId/:instanceId/download/:file')
  @ApiLogFileDownload('serviceId', 'instanceId')
  serviceDownload(@Param() p: Record<string, string>, @Query() q: Query, @Res() reply: FastifyReply) {
    return this.instance(reply, 'LOCAL_SERVICE', p.serviceId, p.instanceId, (at) =>
      this.download(reply, at, p.serviceId, p.instanceId, p.file, q),
    );
  }

  private list(reply: FastifyReply, at: ExecutorAddressJson, ownerId: string, instanceId: string) {
    return this.proxy(reply, at, { ownerId, instanceId, action: 'list', query: {} }, JSON_TYPE);
  }

  private read(
    reply: FastifyReply,
    at: ExecutorAddressJson,
    ownerId: string,
    instanceId: string,
    file: string,
    q: Query,
  ) {
    const query = { offset: q.offset ?? '-1', length: q.length ?? '-1' };
    const action = `read/${encodeURIComponent(file)}`;
    return this.proxy(reply, at, { ownerId, instanceId, action, query }, JSON_TYPE);
  }

  private download(
    reply: FastifyReply,
    at: ExecutorAddressJson,
    ownerId: string,
    instanceId: string,
    file: string,
    q: Query,
  ) {
    const call: LogFileCall = {
      ownerId,
      instanceId,
      action: `download/${encodeURIComponent(file)}`,
      query: {},
    };
    const name = q.rename === 'true' ? renamedDownload(call, file, new Date(this.clock.now())) : file;
    return this.proxy(reply, at, call, {
      'content-type': contentTypeOf(file),
      'content-disposition': `attachment; filename=${name}`,
    });
  }

  private proxy(
    reply: FastifyReply,
    at: ExecutorAddressJson,
    call: LogFileCall,
    headers: Record<string, string>,
  ) {
    return proxyLogFile(reply, at, call, this.credentials, headers);
  }

  /** An app or local-service instance, found only under its own owner. */
  private async instance(
    reply: FastifyReply,
    kind: InstanceKind,
    ownerId: string,
    instanceId: string,
    work: (at: ExecutorAddressJson) => Promise<void>,
  ): Promise<void> {
    const instance = this.clusterView.view.instance(instanceId);
    const found = instance?.ownerId === ownerId && instance.kind === kind ? instance.executorId : undefined;
    return this.at(reply, found, work);
  }

  private async task(
    reply: FastifyReply,
    appName: string,
    taskId: string,
    work: (at: ExecutorAddressJson) => Promise<void>,
  ): Promise<void> {
    const { state } = await this.pipeline.load(taskDecider, taskStream(appName, taskId));
    return this.at(reply, state.info?.executorId, work);
  }

  private async at(
    reply: FastifyReply,
    executorId: string | undefined,
    work: (at: ExecutorAddressJson) => Promise<void>,
  ): Promise<void> {
    const address = executorId === undefined ? undefined : this.registry.address(executorId);
    if (!address) {
      await reply.code(204).send();
      return;
    }
    await work(address);
  }
}
