import type { Profile } from '../profiles/profile';
import type { ProfileSummary } from '../protocol/composerProtocol';

/** What the webview may know about a profile: never the auth token, nor the auth ID or URL. */
export function toProfileSummary(profile: Profile): ProfileSummary {
  return {
    id: profile.id,
    name: profile.name,
    isSandbox: profile.kind === 'sandbox',
    kind: profile.kind,
    defaultRegion: profile.defaultRegion,
    sender: profile.sender ? { kind: profile.sender.kind, value: profile.sender.value } : undefined,
  };
}
