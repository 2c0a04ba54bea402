import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OpenAPIObject } from '@nestjs/swagger';
import { serialiseDocument } from './document';

/** The body of an app's `write-openapi` script: writes to argv[2], else to the committed file. */
export function writeDocumentFile(committed: string, make: () => Promise<OpenAPIObject>): void {
  const target = resolve(process.argv[2] ?? committed);
  make()
    .then((document) => {
      writeFileSync(target, serialiseDocument(document));
      process.stdout.write(`wrote ${target}\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`openapi: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
}
