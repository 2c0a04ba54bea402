import 'reflect-metadata';
import { previewDocument, writeDocumentFile } from '@drove/openapi';
import { ControllerModule, ControllerModuleOptions } from '../controller.module';
import { buildOpenApiDocument } from './openapi-document';

// `node dist/.../write-openapi.js [file]`: the document of the whole controller, from the build.
if (require.main === module) {
  writeDocumentFile('apps/controller/openapi.json', () =>
    previewDocument(ControllerModule.create({} as ControllerModuleOptions), buildOpenApiDocument),
  );
}
