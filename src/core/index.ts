// The pure core: no `vscode` import may appear anywhere under src/core.
export * from './destinations/types';
export { analyseDestinations } from './destinations/analyse';
export { FIXED_LINE_WARNING, warningOf } from './destinations/analysisBuilder';
export { readPlivoDst, PLIVO_MAX_DST_DIGITS, type PlivoDstReading } from './destinations/plivoDst';
export { toDstParam, toBatches } from './destinations/wireForm';
export { MAX_DESTINATIONS } from './request';
export * from './segments';
/** `us` → `US` when libphonenumber knows the region, else undefined. */
export { knownRegion } from './destinations/phoneMetadata';
