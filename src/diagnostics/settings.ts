import * as vscode from 'vscode';
import { Settings } from '../constants';

/** Setting keys under `bulkMessaging.` that number validation reads (package.json declares them). */
export const ValidationSettingKeys = {
  enabled: 'validate.enabled',
  include: 'validate.include',
  maxFileSize: 'validate.maxFileSize',
  maxProblems: 'validate.maxProblems',
  inStrings: 'validate.inStrings',
} as const;

/** Full id of a validation setting, as the Settings editor and messages show it. */
export function settingId(key: string): string {
  return `${Settings.section}.${key}`;
}

/** The validation settings for one document, with defaults and bounds applied. */
export interface ValidationSettings {
  enabled: boolean;
  include: string[];
  /** In characters of text (about bytes for number lists). */
  maxFileSize: number;
  maxProblems: number;
  inStrings: boolean;
  /** ISO region for national numbers, or undefined. */
  defaultRegion: string | undefined;
}

const DEFAULT_MAX_FILE_KB = 4096;
const DEFAULT_MAX_PROBLEMS = 1000;
/** More diagnostics than this would make publishing them a freeze of its own. */
const MAX_PROBLEMS_CEILING = 10_000;

/** Reads the settings that apply to `uri` (folder and language overrides included). */
export function readValidationSettings(uri: vscode.Uri | undefined): ValidationSettings {
  const config = vscode.workspace.getConfiguration(Settings.section, uri);
  const include = config.get<unknown>(ValidationSettingKeys.include, []);
  const region = config.get<string>(Settings.defaultRegion, '').trim().toUpperCase();
  return {
    enabled: config.get<boolean>(ValidationSettingKeys.enabled, true) !== false,
    include: Array.isArray(include) ? include.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '') : [],
    maxFileSize: positive(config.get<number>(ValidationSettingKeys.maxFileSize), DEFAULT_MAX_FILE_KB, Number.MAX_SAFE_INTEGER / 1024) * 1024,
    maxProblems: positive(config.get<number>(ValidationSettingKeys.maxProblems), DEFAULT_MAX_PROBLEMS, MAX_PROBLEMS_CEILING),
    inStrings: config.get<boolean>(ValidationSettingKeys.inStrings, true) !== false,
    defaultRegion: region === '' ? undefined : region,
  };
}

/** True when a configuration change touches anything validation reads. */
export function affectsValidation(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(settingId('validate')) || event.affectsConfiguration(settingId(Settings.defaultRegion));
}

function positive(value: number | undefined, fallback: number, ceiling: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) return fallback;
  return Math.min(Math.floor(value), ceiling);
}
