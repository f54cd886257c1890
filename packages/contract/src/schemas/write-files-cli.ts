// `node packages/contract/src/schemas/write-files-cli.ts`: renders the schema modules into `schemas/`.
// Run it after changing a schema module, then run the compatibility check.
import { SCHEMAS_DIR, writeSchemaFiles } from './schema-files.ts';

const written = await writeSchemaFiles();
process.stdout.write(`wrote ${written.length} schema files to ${SCHEMAS_DIR}\n`);
