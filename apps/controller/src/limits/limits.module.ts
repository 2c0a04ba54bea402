import { DynamicModule, Global, Module } from '@nestjs/common';
import { LIMITS, LimitsConfig } from './limits.config';

/** The configured limits, for every handler that checks a spec or a page size. */
@Global()
@Module({})
export class LimitsModule {
  static register(limits: LimitsConfig = new LimitsConfig()): DynamicModule {
    return { module: LimitsModule, providers: [{ provide: LIMITS, useValue: limits }], exports: [LIMITS] };
  }
}
