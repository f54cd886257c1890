// The NativeMapper of a registry that sends changes (land, household, judicial): each record maps on
// its own, by a pure function, and nothing is remembered between records.
import { validateMapped, type MappingResult, type RecordOutcome } from './mapped-event.ts';
import type { NativeMapper } from './native-mapper.ts';

const NOTHING = async (): Promise<void> => {};

export function outcomeOf(result: MappingResult): RecordOutcome {
  return result.ok ? validateMapped(result.events) : result;
}

export function changeMapper(mapRecord: (record: unknown) => MappingResult): NativeMapper {
  return {
    prepare: async (records) => ({
      outcomes: records.map((record) => outcomeOf(mapRecord(record))),
      commit: NOTHING,
      release: NOTHING,
    }),
  };
}
