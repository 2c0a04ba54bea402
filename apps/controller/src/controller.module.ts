import { DynamicModule, Module } from '@nestjs/common';
import { EventStore } from '@drove/events';
import { ApplicationsModule } from './applications/applications.module';
import { AuthSettings } from './auth/auth-settings';
import { PingController } from './cluster/ping.controller';
import { electionFence } from './event-store/fence';
import { HttpEdgeModule } from './http/http-edge.module';
import { ElectionLeadershipView } from './leadership/election-leadership-view';
import { LeaderElection } from './leadership/leader-election';
import { LEADERSHIP_VIEW } from './leadership/leadership-view';

@Module({})
export class ControllerModule {
  static create(election: LeaderElection, store: EventStore, auth: AuthSettings): DynamicModule {
    return {
      module: ControllerModule,
      imports: [
        HttpEdgeModule.withLeadership(
          { provide: LEADERSHIP_VIEW, useValue: new ElectionLeadershipView(election) },
          auth,
        ),
        ApplicationsModule.register({ store, fence: electionFence(election) }),
      ],
      controllers: [PingController],
    };
  }
}
