// One wording for why a send run ended, shared by the editor (the composer's result heading) and the CLI.
import type { JournalBatch } from './journal';
import type { StopReason } from './sendEngine';

/** What stopped a send run, as a heading, in the words of the failure when a batch has one. */
export function stopHeading(stop: StopReason, troubled?: JournalBatch): string {
  const status = troubled?.problem?.status ?? troubled?.status;
  switch (stop) {
    case 'complete':
      return 'Sent';
    case 'checked':
      return 'Checked';
    case 'cancelled':
      return 'Stopped between batches';
    case 'auth':
      return `Authentication failed${status ? ` (${status})` : ''}`;
    case 'rejected':
      return `Request rejected${status ? ` (${status})` : ''}`;
    case 'unreachable':
      return 'Could not connect: nothing of the batch was sent';
    case 'rate-limited':
      return 'Plivo kept answering 429 (too many requests)';
    case 'check-failed':
      return 'The account could not be read to check a batch in doubt';
    case 'in-doubt':
      switch (troubled?.problem?.kind) {
        case 'timeout':
          return 'The server did not answer in time';
        case 'malformed-response':
          return `Unexpected response${status ? ` (HTTP ${status})` : ''}`;
        case 'api':
          return `Server error${status ? ` (${status})` : ''}`;
        case 'network':
          return 'The connection broke';
        case 'uuid-count':
          return 'The UUIDs do not match the destinations';
        default:
          return 'A batch is in doubt';
      }
  }
}
