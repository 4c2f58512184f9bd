// The composer's developer loop: its draft as code ("Copy as…"), and the estimate shown in the
// composer and in the live-send confirmation. Prices are read with the profile's stored token
// (never prompted for: without one the cost says it is unknown).
import * as vscode from 'vscode';
import { generateSnippet } from '../core/codegen/languages';
import type { DestinationAnalysis } from '../core/destinations/types';
import { DEFAULT_MESSAGES_PER_SECOND, estimateSend, type SendEstimate } from '../core/estimate/estimate';
import { PriceCache, pricingApi } from '../core/estimate/pricing';
import { Settings } from '../constants';
import type { Profile } from '../profiles/profile';
import type { ComposerDraft } from '../protocol/composerProtocol';
import { profileOrigin, type DevLoopServices } from '../devLoop/profileOrigin';
import { deliverSnippet, pickLanguage, type SnippetChoice } from '../devLoop/snippetDelivery';
import { requestFields } from './buildSendInput';

export interface ComposerDevLoop {
  /** Copies the draft as code, or opens it in an editor; a notice when there is nothing to send yet. */
  copyAs(draft: ComposerDraft, analysis: DestinationAnalysis | undefined, choice?: SnippetChoice): Promise<string | undefined>;
  /**
   * The estimate of sending the draft with its profile. Only with `startSandbox` does the Local
   * sandbox start to give its prices: an automatic estimate never starts a server.
   */
  estimate(draft: ComposerDraft, analysis: DestinationAnalysis, options?: { startSandbox?: boolean }): Promise<SendEstimate>;
}

/** Prices hold up the live-send confirmation: a server that does not answer soon gets no wait. */
const PRICING_TIMEOUT_MS = 3000;

export function createComposerDevLoop(services: DevLoopServices): ComposerDevLoop {
  // One cache per account: prices are asked once per country, not once per click.
  const caches = new Map<string, PriceCache>();

  async function priceSource(profile: Profile | undefined, startSandbox: boolean): Promise<PriceCache | undefined> {
    if (!profile) return undefined;
    if (profile.kind === 'sandbox') {
      const endpoint = startSandbox ? await services.sandbox.ensureStarted() : await services.sandbox.current();
      return endpoint && cacheFor(endpoint);
    }
    const authToken = await services.profiles.getToken(profile.id);
    return authToken ? cacheFor({ baseUrl: profile.baseUrl, authId: profile.authId, authToken }) : undefined;
  }

  function cacheFor(connection: { baseUrl: string; authId: string; authToken: string }): PriceCache {
    const key = `${connection.baseUrl} ${connection.authId}`;
    let cache = caches.get(key);
    if (!cache) caches.set(key, (cache = new PriceCache(pricingApi({ ...connection, timeoutMs: PRICING_TIMEOUT_MS }))));
    return cache;
  }

  return {
    async copyAs(draft, analysis, choice = {}) {
      if (!analysis || analysis.unique.length === 0) {
        void vscode.window.showInformationMessage('Add at least one valid destination first: the code sends to the unique valid numbers of the list.');
        return undefined;
      }
      const language = await pickLanguage('Copy as…', choice.language);
      if (!language) return undefined;
      const profile = draft.profileId ? services.profiles.get(draft.profileId) : undefined;
      const baseUrl = await profileOrigin(profile, profile === undefined, services.sandbox);
      const code = generateSnippet(language.id, { baseUrl, request: requestFields(draft), numbers: analysis.unique });
      return deliverSnippet(language, code, choice.target);
    },

    async estimate(draft, analysis, options = {}) {
      const settings = vscode.workspace.getConfiguration(Settings.section);
      const profile = draft.profileId ? services.profiles.get(draft.profileId) : undefined;
      const cache = await priceSource(profile, options.startSandbox === true);
      return estimateSend({
        analysis,
        text: draft.text,
        type: draft.type,
        batchesPerSecond: settings.get<number>(Settings.batchesPerSecond, 1),
        messagesPerSecond: settings.get<number>(Settings.messagesPerSecond, DEFAULT_MESSAGES_PER_SECOND),
        price: cache && ((country) => cache.get(country)),
        noPriceReason: !profile ? 'choose a profile' : profile.kind === 'sandbox' ? 'the Local sandbox is not running yet: press Estimate to start it' : 'no token is stored for this profile',
      });
    },
  };
}
