import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { failure } from './api-response';
import { CommandValidationError, NotLeaderError } from './drove-errors';

/**
 * Renders every error the way Drove's controller does (reference section 0.2), so Drove's clients, which branch
 * on these exact bodies, behave the same against us.
 */
@Catch()
export class DroveExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, location } = this.render(error, request);
    if (location) void reply.status(status).header('location', location).send();
    else void reply.status(status).header('content-type', 'application/json').send(body);
  }

  private render(
    error: unknown,
    request: FastifyRequest,
  ): { status: number; body?: unknown; location?: string } {
    if (error instanceof NotLeaderError) {
      // Drove sends browsers to the leader's UI rather than failing them; API clients get the 400 they probe for.
      if (error.redirectTo) return { status: HttpStatus.SEE_OTHER, location: error.redirectTo };
      return { status: HttpStatus.BAD_REQUEST, body: failure(error.message) };
    }
    if (error instanceof CommandValidationError) {
      return {
        status: HttpStatus.BAD_REQUEST,
        body: failure(error.message, { validationErrors: error.validationErrors }),
      };
    }
    const parseError = bodyParseError(error);
    if (parseError && (parseError as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = request.routeOptions.bodyLimit ?? 'the configured';
      return {
        status: HttpStatus.PAYLOAD_TOO_LARGE,
        body: failure('Request body too large', {
          validationErrors: [`the request body is larger than ${limit} bytes (limits.maxRequestBodyBytes)`],
        }),
      };
    }
    if (parseError) {
      const detail = parseError.message;
      return {
        status: HttpStatus.BAD_REQUEST,
        body: failure('JSON validation failure', { validationErrors: [detail] }),
      };
    }
    if (error instanceof HttpException) {
      const response = error.getResponse();
      return { status: error.getStatus(), body: typeof response === 'string' ? failure(response) : response };
    }
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(
      `${request.method} ${request.url} failed: ${message}`,
      error instanceof Error ? error.stack : undefined,
    );
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: failure('Unexpected Server error', { failure: message }),
    };
  }
}

/**
 * Fastify's own body parser errors (FST_ERR_CTP_*), raised before any handler runs; Nest hands them over wrapped
 * in an HttpException.
 */
function bodyParseError(error: unknown): Error | null {
  const candidate = error instanceof HttpException ? error.cause : error;
  const code = (candidate as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('FST_ERR_CTP_') ? (candidate as Error) : null;
}
