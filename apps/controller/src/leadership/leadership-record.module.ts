import { Module } from '@nestjs/common';
import { LeadershipRecorder } from './leadership-recorder';

/** Leader changes recorded in the log. Needs CqrsModule. */
@Module({ providers: [LeadershipRecorder] })
export class LeadershipRecordModule {}
