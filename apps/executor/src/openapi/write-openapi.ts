import 'reflect-metadata';
import { previewDocument, writeDocumentFile } from '@drove/openapi';
import { ExecutorApiServices, ExecutorModule } from '../executor.module';
import { buildExecutorDocument } from './executor-document';

// `node dist/.../write-openapi.js [file]`: the executor's document, from the build.
if (require.main === module) {
  writeDocumentFile('apps/executor/openapi.json', () =>
    previewDocument(ExecutorModule.create({} as ExecutorApiServices), buildExecutorDocument),
  );
}
