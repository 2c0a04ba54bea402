import { DynamicModule, Module } from '@nestjs/common';
import { PingController } from './cluster/ping.controller';
import { ControllerConfig } from './config/controller-config';
import { HttpEdgeModule } from './http/http-edge.module';
import { ElectionLeadershipView } from './leadership/election-leadership-view';
import { LeaderElection } from './leadership/leader-election';
import { LEADERSHIP_VIEW } from './leadership/leadership-view';

@Module({})
export class ControllerModule {
  static create(election: LeaderElection, config: ControllerConfig): DynamicModule {
    return {
      module: ControllerModule,
      imports: [
        HttpEdgeModule.withLeadership(
          {
            provide: LEADERSHIP_VIEW,
            useValue: new ElectionLeadershipView(election),
          },
          { userAuth: config.userAuth, clusterAuth: config.clusterAuth, options: config.options },
        ),
      ],
      controllers: [PingController],
    };
  }
}
