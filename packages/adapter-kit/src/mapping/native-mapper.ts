// How the kit turns native records into events without knowing the registry: a NativeMapper prepares a
// whole request (or pull page) at once — validated events per record, or why not — and is told when
// Kafka has acknowledged them, so a mapper that keeps state (enterprise snapshots) advances it only then.
import type { RecordOutcome } from './mapped-event.ts';

export interface PreparedRecords {
  /** One per record, in order. */
  readonly outcomes: readonly RecordOutcome[];
  /** Called once Kafka acknowledged the events of every ok outcome: make the mapper's state match. */
  commit(): Promise<void>;
  /** Always called last, after commit or instead of it: lets go of what prepare held (locks). */
  release(): Promise<void>;
}

export interface NativeMapper {
  prepare(records: readonly unknown[]): Promise<PreparedRecords>;
}
