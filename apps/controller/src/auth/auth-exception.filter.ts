import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AccessDeniedError, AuthenticationRequiredError } from './auth-errors';

/**
 * Auth failures the way Dropwizard answers them for Drove: a plain text 401 with the challenge, a bare 403.
 * Registered after the Drove filter: Nest tries global filters last-registered first.
 */
@Catch(AuthenticationRequiredError, AccessDeniedError)
export class AuthExceptionFilter implements ExceptionFilter {
  catch(error: AuthenticationRequiredError | AccessDeniedError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof AccessDeniedError) {
      void reply.status(HttpStatus.FORBIDDEN).send();
      return;
    }
    if (error.challenge) void reply.header('www-authenticate', error.challenge);
    void reply.status(HttpStatus.UNAUTHORIZED).header('content-type', 'text/plain').send(error.message);
  }
}
