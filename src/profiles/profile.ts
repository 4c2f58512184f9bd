/** Where a profile sends: Plivo itself, the built-in sandbox, or any compatible URL (proxy, mock). */
export type ProfileKind = 'live' | 'sandbox' | 'custom';

export interface SenderDefault {
  kind: 'src' | 'powerpack_uuid';
  value: string;
}

/** A set of credentials and defaults. The auth token is never part of it: it lives in SecretStorage. */
export interface Profile {
  id: string;
  name: string;
  kind: ProfileKind;
  authId: string;
  baseUrl: string;
  sender?: SenderDefault;
  defaultRegion?: string;
}

export const PLIVO_BASE_URL = 'https://api.plivo.com';
export const SANDBOX_PROFILE_ID = 'local-sandbox';

/** The profile that exists out of the box; its auth ID and URL come from the running sandbox. */
export const sandboxProfile: Profile = {
  id: SANDBOX_PROFILE_ID,
  name: 'Local sandbox',
  kind: 'sandbox',
  authId: '',
  baseUrl: '',
  sender: { kind: 'src', value: '14155550100' },
};
