// Ruby and PHP with their standard HTTP libraries: no SDK to install, any base URL, and the raw
// JSON answer (an SDK may drop `invalid_number`).
import { CREDENTIALS_LINE, RERUN_LINE, requestBody, summaryLine, type BodyValue, type SnippetPlan } from './codegenInput';
import { phpString, rubyString } from './literals';

/** The body's entries with `dst` as the loop variable (`dstExpression`), in the API's order. */
function entries(plan: SnippetPlan, literal: (value: BodyValue) => string, dstExpression: string): Array<[string, string]> {
  return Object.entries(requestBody(plan, '')).map(([key, value]) => [key, key === 'dst' ? dstExpression : literal(value)]);
}

function rubyValue(value: BodyValue): string {
  return Array.isArray(value) ? `[${value.map(rubyString).join(', ')}]` : typeof value === 'string' ? rubyString(value) : String(value);
}

function phpValue(value: BodyValue): string {
  return Array.isArray(value) ? `[${value.map(phpString).join(', ')}]` : typeof value === 'string' ? phpString(value) : String(value);
}

export function rubySnippet(plan: SnippetPlan): string {
  return [
    `# ${summaryLine(plan)}`,
    `# ${CREDENTIALS_LINE}`,
    `# ${RERUN_LINE}`,
    "require 'json'",
    "require 'net/http'",
    "require 'uri'",
    '',
    "auth_id = ENV.fetch('PLIVO_AUTH_ID')",
    "auth_token = ENV.fetch('PLIVO_AUTH_TOKEN')",
    `uri = URI(${rubyString(`${plan.origin}/v1/Account/`)} + auth_id + '/Message/')`,
    '',
    'dsts = [',
    ...plan.dsts.map((dst) => `  ${rubyString(dst)},`),
    ']',
    '',
    'dsts.each_with_index do |dst, index|',
    "  request = Net::HTTP::Post.new(uri, 'Content-Type' => 'application/json')",
    '  request.basic_auth(auth_id, auth_token)',
    '  request.body = JSON.generate({',
    ...entries(plan, rubyValue, 'dst').map(([key, value]) => `    ${rubyString(key)} => ${value},`),
    '  })',
    "  response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(request) }",
    '  puts "request #{index + 1} of #{dsts.length}: #{response.code} #{response.body}"',
    "  exit 1 unless response.code == '202'",
    'end',
    '',
  ].join('\n');
}

export function phpSnippet(plan: SnippetPlan): string {
  return [
    '<?php',
    `// ${summaryLine(plan)}`,
    `// ${CREDENTIALS_LINE}`,
    `// ${RERUN_LINE}`,
    "$authId = getenv('PLIVO_AUTH_ID');",
    "$authToken = getenv('PLIVO_AUTH_TOKEN');",
    'if ($authId === false || $authToken === false) {',
    '    fwrite(STDERR, "Set PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.\\n");',
    '    exit(2);',
    '}',
    `$url = ${phpString(`${plan.origin}/v1/Account/`)} . rawurlencode($authId) . '/Message/';`,
    '',
    '$dsts = [',
    ...plan.dsts.map((dst) => `    ${phpString(dst)},`),
    '];',
    '',
    'foreach ($dsts as $index => $dst) {',
    '    $body = json_encode([',
    ...entries(plan, phpValue, '$dst').map(([key, value]) => `        ${phpString(key)} => ${value},`),
    '    ], JSON_THROW_ON_ERROR);',
    '    $curl = curl_init($url);',
    '    curl_setopt_array($curl, [',
    '        CURLOPT_POST => true,',
    "        CURLOPT_USERPWD => $authId . ':' . $authToken,",
    "        CURLOPT_HTTPHEADER => ['Content-Type: application/json'],",
    '        CURLOPT_POSTFIELDS => $body,',
    '        CURLOPT_RETURNTRANSFER => true,',
    '    ]);',
    '    $reply = curl_exec($curl);',
    '    $status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);',
    '    curl_close($curl);',
    '    printf("request %d of %d: %d %s\\n", $index + 1, count($dsts), $status, $reply);',
    '    if ($status !== 202) {',
    '        exit(1);',
    '    }',
    '}',
    '',
  ].join('\n');
}
