import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

const JSON_TYPE = 'application/json';

/**
 * Fastify's JSON parser refuses an empty body ("Body cannot be empty when content-type is set to
 * 'application/json'") before any route runs, so a bodiless POST (maintenance set/unset, cancel, blacklist) sent
 * with that type, as clients and Drove's docs do, failed. Drove's bodiless endpoints never read the body. Here an
 * empty JSON body is no body: those routes answer, and a route that needs a body refuses it as it refuses a
 * missing one (400 with `validationErrors`). A non-empty body is parsed as before (same size limit, same
 * prototype-poisoning refusal).
 */
@Injectable()
export class EmptyJsonBody implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // none when the module is only compiled (OpenAPI preview, unit tests without an application)
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    acceptEmptyJsonBody(fastify);
  }
}

export function acceptEmptyJsonBody(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  const { bodyLimit } = fastify.initialConfig;
  if (fastify.hasContentTypeParser(JSON_TYPE)) fastify.removeContentTypeParser(JSON_TYPE);
  fastify.addContentTypeParser(JSON_TYPE, { parseAs: 'string', bodyLimit }, (request, body, done) => {
    // parseAs 'string' hands a string; the type also allows a Buffer
    const text = body.toString();
    if (text === '') return done(null, undefined);
    return parse(request, text, done);
  });
}
