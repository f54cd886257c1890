// Loads a person's record as served: the stored state rendered, with each role's enterprise status joined
// in at read time from the enterprise's own entry (held once per enterprise, record.md §2).
import { renderRecord, type CitizenRecord, type EnterpriseStatus, type PersonState } from '@lgsp/record';
import { readEnterprise, readPerson, type Keyspace } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';

export interface LoadedCitizen {
  state: PersonState;
  record: CitizenRecord;
}

export async function loadCitizen(redis: RedisClient, keyspace: Keyspace, personalId: string): Promise<LoadedCitizen | undefined> {
  const stored = await readPerson(redis, keyspace, personalId);
  if (!stored) return undefined;
  const { state } = stored;
  const codes = [...new Set(Object.keys(state.roles).map((key) => key.split('|')[0]!))];
  const enterprises = await Promise.all(codes.map((code) => readEnterprise(redis, keyspace, code)));
  const statuses = new Map<string, EnterpriseStatus | null>(codes.map((code, index) => [code, enterprises[index]?.state.status?.v.status ?? null]));
  return { state, record: renderRecord(state, (code) => statuses.get(code) ?? null) };
}
