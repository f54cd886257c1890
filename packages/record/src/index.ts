export { applyPersonEvent, isDuplicate, sectionOfPersonEvent } from './evolve.ts';
export type { ApplyResult, ApplyOutcome, ApplyContext } from './evolve.ts';
export { applyEnterpriseEvent } from './enterprise.ts';
export type { EnterpriseApplyResult } from './enterprise.ts';
export { renderRecord, renderRecordCore } from './render.ts';
export type { EnterpriseStatusLookup } from './render.ts';
export { serializeRecord, comparableRecordBytes } from './serialize.ts';
export { historyPage } from './history.ts';
export type { HistoryItem, HistoryPage } from './history.ts';
export { qualityIssues } from './quality.ts';
export { initialPersonState, initialEnterpriseState } from './state.ts';
export type { PersonState, EnterpriseState, EnterpriseStatus, SectionName, HistoryEntry, Outcome } from './state.ts';
export type { CitizenRecord, QualityIssue, QualityCode, LandRightView, EnterpriseRoleView, ConvictionView, BanView, ResidenceView } from './record.ts';
export { compareStamps, normaliseTime, stampOf } from './stamp.ts';
export type { Stamp } from './stamp.ts';
export { isEnterpriseStatusEvent, receivedAtOf } from './events.ts';
export type { PersonEvent, EnterpriseStatusEvent } from './events.ts';
export { withoutRegistry, sectionsOfRegistry } from './registry-share.ts';
export {
  QUALITY_CODES,
  FIGURE_SECTIONS,
  RECORDS_FIELD,
  WITH_ISSUES_FIELD,
  sectionField,
  issueField,
  sectionPresent,
  recordFigureFields,
  figureDelta,
  recordFiguresOf,
} from './figures.ts';
export type { FigureSection, RecordFigures } from './figures.ts';
