// curl (a POSIX shell script, one command per request) and raw HTTP (a REST Client `.http` file).
import { CREDENTIALS_LINE, RERUN_LINE, requestBody, summaryLine, type SnippetPlan } from './codegenInput';
import { httpFileJson, shellString } from './literals';

const batchTitle = (plan: SnippetPlan, index: number): string =>
  `Request ${index + 1} of ${plan.dsts.length} (${plan.dsts[index].split('<').length.toLocaleString('en-US')} destinations)`;

export function curlSnippet(plan: SnippetPlan): string {
  const requests = plan.dsts.map((dst, index) =>
    [
      `# ${batchTitle(plan, index)}`,
      `curl -sS --fail-with-body -X POST "$BASE_URL/v1/Account/$PLIVO_AUTH_ID/Message/" \\`,
      `  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  --data-binary ${shellString(JSON.stringify(requestBody(plan, dst)))}`,
      'echo',
    ].join('\n'),
  );
  return [
    '#!/bin/sh',
    `# ${summaryLine(plan)}`,
    `# ${CREDENTIALS_LINE}`,
    `# ${RERUN_LINE}`,
    'set -eu',
    ': "${PLIVO_AUTH_ID:?set PLIVO_AUTH_ID}" "${PLIVO_AUTH_TOKEN:?set PLIVO_AUTH_TOKEN}"',
    `BASE_URL=${shellString(plan.origin)}`,
    '',
    requests.join('\n\n'),
    '',
  ].join('\n');
}

export function httpSnippet(plan: SnippetPlan): string {
  const requests = plan.dsts.map((dst, index) =>
    [
      `### ${batchTitle(plan, index)}`,
      `POST ${plan.origin}/v1/Account/{{$processEnv PLIVO_AUTH_ID}}/Message/ HTTP/1.1`,
      // REST Client base64-encodes "Basic id:token" itself.
      'Authorization: Basic {{$processEnv PLIVO_AUTH_ID}}:{{$processEnv PLIVO_AUTH_TOKEN}}',
      'Content-Type: application/json',
      '',
      httpFileJson(requestBody(plan, dst)),
    ].join('\n'),
  );
  return [
    `# ${summaryLine(plan)}`,
    `# ${CREDENTIALS_LINE} (REST Client's $processEnv variables)`,
    `# ${RERUN_LINE}`,
    '',
    requests.join('\n\n'),
    '',
  ].join('\n');
}
