import { Module } from '@nestjs/common';
import { ClusterModule } from '../cluster/cluster.module';
import { UiController } from './ui.controller';
import { UiPagesService } from './ui-pages.service';

/** The read-only HTML UI. Needs CqrsModule and ExecutionModule (the view and the registry). */
@Module({ imports: [ClusterModule], providers: [UiPagesService], controllers: [UiController] })
export class UiModule {}
