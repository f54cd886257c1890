// A development policy or a development key in production would open the hub to anyone who has read
// the spec (the dev keys are public). Refused whenever NODE_ENV=production, whatever else the file says.
import { DEV_KEY_HASHES } from './dev-keys.ts';
import type { PolicyFault } from './errors.ts';
import { pointerOf } from './json-pointer.ts';
import type { PolicyDocument } from './schema.ts';

export const DEVELOPMENT_REFUSED = 'development keys are refused when NODE_ENV=production';

export function findDevelopmentUse(document: PolicyDocument): PolicyFault | undefined {
  if (document.environment === 'development') return { pointer: '/environment', message: 'is "development"' };
  for (const list of ['agencies', 'consumers', 'operators'] as const) {
    for (const [index, { keyHash }] of document[list].entries()) {
      const devKey = DEV_KEY_HASHES.get(keyHash);
      if (devKey !== undefined) return { pointer: pointerOf(list, index, 'keyHash'), message: `is the hash of the development key ${devKey}` };
    }
  }
  return undefined;
}
