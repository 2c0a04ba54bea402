import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UiAnswer, UiPagesService } from './ui-pages.service';
import { UiPages, uiRoutes } from './ui-page';

/**
 * Drove's UI paths, each as the browser path and as `/apis/ui/...` (Drove's own view resources), read-only and
 * rendered on the leader; a follower 303s every one to the leader (LeaderOnlyGuard). Route class READ (the
 * default), as the API's reads. Not in the OpenAPI document: HTML for browsers, not an API.
 */
@ApiExcludeController()
@UiPages()
@Controller()
export class UiController {
  constructor(private readonly pages: UiPagesService) {}

  @Get(uiRoutes(''))
  async overview(@Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.pages.overview());
  }

  @Get(uiRoutes('dashboard'))
  async dashboard(@Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.pages.dashboard());
  }

  @Get(uiRoutes('applications'))
  applications(@Res() reply: FastifyReply): void {
    send(reply, this.pages.applications());
  }

  @Get(uiRoutes('applications/:appId'))
  application(@Param('appId') appId: string, @Res() reply: FastifyReply): void {
    send(reply, this.pages.application(appId));
  }

  @Get(uiRoutes('applications/:appId/instances/:instanceId'))
  instance(
    @Param('appId') appId: string,
    @Param('instanceId') instanceId: string,
    @Res() reply: FastifyReply,
  ): void {
    send(reply, this.pages.instance(appId, instanceId));
  }

  @Get(uiRoutes('tasks'))
  tasks(@Res() reply: FastifyReply): void {
    send(reply, this.pages.tasks());
  }

  @Get(uiRoutes('tasks/:sourceAppName/:taskId'))
  task(
    @Param('sourceAppName') sourceAppName: string,
    @Param('taskId') taskId: string,
    @Res() reply: FastifyReply,
  ): void {
    send(reply, this.pages.task(sourceAppName, taskId));
  }

  @Get(uiRoutes('localservices'))
  localServices(@Res() reply: FastifyReply): void {
    send(reply, this.pages.localServices());
  }

  @Get(uiRoutes('localservices/:serviceId'))
  localService(@Param('serviceId') serviceId: string, @Res() reply: FastifyReply): void {
    send(reply, this.pages.localService(serviceId));
  }

  @Get(uiRoutes('localservices/:serviceId/instances/:instanceId'))
  serviceInstance(
    @Param('serviceId') serviceId: string,
    @Param('instanceId') instanceId: string,
    @Res() reply: FastifyReply,
  ): void {
    send(reply, this.pages.serviceInstance(serviceId, instanceId));
  }

  @Get(uiRoutes('cluster'))
  async cluster(@Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.pages.cluster());
  }

  @Get(uiRoutes('executors/:executorId'))
  executor(@Param('executorId') executorId: string, @Res() reply: FastifyReply): void {
    send(reply, this.pages.executor(executorId));
  }
}

const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function send(reply: FastifyReply, answer: UiAnswer): void {
  if ('redirect' in answer) {
    void reply.status(303).header('location', answer.redirect).send();
    return;
  }
  void reply
    .status(200)
    .header('content-type', 'text/html; charset=utf-8')
    // a page may show tags and env values: keep it out of shared caches
    .header('cache-control', 'no-store')
    // the pages have no script: should escaping ever miss, the browser still runs none and loads nothing
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .send(answer.page.markup);
}
