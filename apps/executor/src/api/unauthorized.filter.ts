import { ArgumentsHost, Catch, ExceptionFilter, UnauthorizedException } from '@nestjs/common';

// Drove answers a missing or wrong cluster secret with a bare 401, no body.
@Catch(UnauthorizedException)
export class UnauthorizedFilter implements ExceptionFilter {
  catch(_exception: UnauthorizedException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<{ status(code: number): { send(): void } }>().status(401).send();
  }
}
