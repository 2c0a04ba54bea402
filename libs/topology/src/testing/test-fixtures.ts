import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// XML written by `lstopo-no-graphics --of xml -i "<synthetic description>"` (see fixtures/README.md).
export function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', `${name}.xml`), 'utf8');
}
