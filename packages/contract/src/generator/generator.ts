// The seeded test-data generator: people, households, codes and events from one seed, so a test or
// a benchmark run repeats exactly. One generator, one stream of draws: ask for the same things in
// the same order and get the same answers.
import { generateCertificateNo, generateCommuneCode, generateEnterpriseCode, generateLandUseCode } from './codes.ts';
import { createEventGenerator, type EventGenerator, type EventGeneratorOptions } from './events.ts';
import { createPeopleGenerator, type PeopleGenerator } from './people.ts';
import { createRandom, type Random } from './random.ts';

export interface Generator extends PeopleGenerator, EventGenerator {
  readonly random: Random;
  enterpriseCode(options?: { dependentUnit?: boolean }): string;
  certificateNo(): string;
  communeCode(): string;
  landUseCode(): string;
}

export type GeneratorOptions = EventGeneratorOptions;

export function createGenerator(seed: number, options: GeneratorOptions = {}): Generator {
  const random = createRandom(seed);
  const people = createPeopleGenerator(random);
  const events = createEventGenerator(random, options);
  return {
    random,
    ...people,
    ...events,
    enterpriseCode: (codeOptions) => generateEnterpriseCode(random, codeOptions),
    certificateNo: () => generateCertificateNo(random),
    communeCode: () => generateCommuneCode(random),
    landUseCode: () => generateLandUseCode(random),
  };
}
