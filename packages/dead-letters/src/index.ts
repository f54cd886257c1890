export { readDeadLetters, deadLetterRanges, lettersOf, newestById, registryOfLetter, redrivenIds, redrivenSetKey, sortByTime } from './letters.ts';
export type { ListedLetter } from './letters.ts';
export { planRedrive } from './redrive-plan.ts';
export type { RedrivePlan, RedriveRequest } from './redrive-plan.ts';
export { sendToAdapter, describeProblem } from './adapter-client.ts';
export type { SendOutcome } from './adapter-client.ts';
export { redriveLetters, summariseRedrive, REDRIVE_OUTCOMES } from './redrive.ts';
export type { RedriveEntry, RedriveOutcome, RedriveRequestOptions } from './redrive.ts';
