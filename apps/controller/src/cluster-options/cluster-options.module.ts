import { DynamicModule, Global, Module } from '@nestjs/common';
import {
  ClusterOptionsSettings,
  DEFAULT_CLUSTER_OPTIONS,
  INTERNAL_OP_SPEC,
  RULE_CACHE_SIZE,
  SPEC_VALIDATION_OPTIONS,
} from './cluster-options.tokens';

/** The configured spec rules and internal operation spec, for the handlers and sagas that use them. */
@Global()
@Module({})
export class ClusterOptionsModule {
  static register(settings: ClusterOptionsSettings = DEFAULT_CLUSTER_OPTIONS): DynamicModule {
    return {
      module: ClusterOptionsModule,
      providers: [
        { provide: SPEC_VALIDATION_OPTIONS, useValue: settings.spec },
        { provide: INTERNAL_OP_SPEC, useValue: settings.internalOpSpec },
        { provide: RULE_CACHE_SIZE, useValue: settings.ruleCacheSize },
      ],
      exports: [SPEC_VALIDATION_OPTIONS, INTERNAL_OP_SPEC, RULE_CACHE_SIZE],
    };
  }
}
