// Moved to core so the CLI's report shares it; kept here for the extension's imports.
export * from '../core/sends/errorCodes';
