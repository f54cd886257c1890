// Redis keys of the access-log projection: one sorted set per person, hash-tagged by the personal ID so
// that in a Redis Cluster a person's access log lives in one slot, like the person's record.
// Not tied to the record generation: a replay of the registries does not change who read what.

export function accessLogKey(keyPrefix: string, personalId: string): string {
  return `${keyPrefix}lgsp:access-log:{${personalId}}`;
}

export function accessLogKeyPattern(keyPrefix: string): string {
  return `${keyPrefix}lgsp:access-log:*`;
}
