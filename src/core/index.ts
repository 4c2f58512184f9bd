// The pure core: no `vscode` import may appear anywhere under src/core.
export * from './destinations/types';
export { analyseDestinations } from './destinations/analyse';
export { FIXED_LINE_WARNING, warningOf } from './destinations/analysisBuilder';
export { readPlivoDst, PLIVO_MAX_DST_DIGITS, type PlivoDstReading } from './destinations/plivoDst';
export { toDstParam, toBatches, MAX_DESTINATIONS_PER_REQUEST } from './destinations/wireForm';
export * from './segments';
/** `us` → `US` when libphonenumber knows the region, else undefined. */
export { knownRegion } from './destinations/phoneMetadata';
