// Finds holders that cannot be told apart: a key is one holder's, and a name is one holder's, because
// audit entries and published events name the holder and a key must decide who is calling. The one
// holder allowed in two lists is an operator who also reads records: the same name and key as an
// operator and as a consumer (api.md §3, `dev-operator-key`).
import type { PolicyFault } from './errors.ts';
import { pointerOf } from './json-pointer.ts';
import type { PolicyDocument } from './schema.ts';

type HolderList = 'agencies' | 'consumers' | 'operators';

interface SeenHolder {
  list: HolderList;
  index: number;
  name: string;
  keyHash: string;
}

const HOLDER_LISTS: readonly HolderList[] = ['agencies', 'consumers', 'operators'];

export function findHolderFault(document: PolicyDocument): PolicyFault | undefined {
  const byKeyHash = new Map<string, SeenHolder>();
  const byName = new Map<string, SeenHolder>();
  for (const list of HOLDER_LISTS) {
    for (const [index, { name, keyHash }] of document[list].entries()) {
      const holder: SeenHolder = { list, index, name, keyHash };
      const sameKey = byKeyHash.get(keyHash);
      if (sameKey && !isOperatorAlsoConsumer(sameKey, holder)) {
        return {
          pointer: pointerOf(list, index, 'keyHash'),
          message: `is also the key of ${JSON.stringify(sameKey.name)} at ${pointerOf(sameKey.list, sameKey.index)}; each holder needs its own key`,
        };
      }
      const sameName = byName.get(name);
      if (sameName && !isOperatorAlsoConsumer(sameName, holder)) {
        return {
          pointer: pointerOf(list, index, 'name'),
          message: `must be unique (${JSON.stringify(name)} is also at ${pointerOf(sameName.list, sameName.index)})`,
        };
      }
      byKeyHash.set(keyHash, holder);
      byName.set(name, holder);
    }
  }
  return undefined;
}

// Consumers come before operators in the file, so the earlier entry is the consumer.
function isOperatorAlsoConsumer(earlier: SeenHolder, later: SeenHolder): boolean {
  return earlier.list === 'consumers' && later.list === 'operators' && earlier.name === later.name && earlier.keyHash === later.keyHash;
}
