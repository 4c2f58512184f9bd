// Node and Python with Plivo's own SDKs, written around their known pitfalls (shared API notes):
// the node SDK's one-object create() drops false values and wants camelCase names, so the
// positional form is used; plivo-python has no base-URL option, so its module constant is set.
import { CREDENTIALS_LINE, RERUN_LINE, fieldValue, summaryLine, type BodyValue, type SnippetPlan } from './codegenInput';
import { jsString, pythonString } from './literals';

const SENDER_AND_TEXT = new Set(['src', 'powerpack_uuid', 'text']);

function jsValue(value: BodyValue): string {
  return Array.isArray(value) ? `[${value.map(jsString).join(', ')}]` : typeof value === 'string' ? jsString(value) : String(value);
}

function pyValue(value: BodyValue): string {
  if (Array.isArray(value)) return `[${value.map(pythonString).join(', ')}]`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'string' ? pythonString(value) : String(value);
}

export function nodeSnippet(plan: SnippetPlan): string {
  const options = plan.fields.filter(([key]) => !SENDER_AND_TEXT.has(key)).map(([key, value]) => `  ${key}: ${jsValue(value)},`);
  const src = fieldValue(plan, 'src');
  const powerpack = fieldValue(plan, 'powerpack_uuid');
  const text = jsValue(fieldValue(plan, 'text') ?? '');
  const call = powerpack !== undefined ? `client.messages.create(null, dst, text, options, ${jsValue(powerpack)})` : `client.messages.create(${jsValue(src ?? '')}, dst, text, options)`;
  return [
    `// ${summaryLine(plan)}`,
    `// ${CREDENTIALS_LINE}`,
    `// ${RERUN_LINE}`,
    '// npm install plivo',
    "const plivo = require('plivo');",
    '',
    'const authId = process.env.PLIVO_AUTH_ID;',
    plan.isPlivo
      ? 'const client = new plivo.Client(authId, process.env.PLIVO_AUTH_TOKEN);'
      : [
          "// The SDK's url option replaces its default wholesale, so it names the account path too.",
          `const client = new plivo.Client(authId, process.env.PLIVO_AUTH_TOKEN, { url: ${jsString(`${plan.origin}/v1/Account/`)} + authId });`,
        ].join('\n'),
    '',
    'const dsts = [',
    ...plan.dsts.map((dst) => `  ${jsString(dst)},`),
    '];',
    `const text = ${text};`,
    "// Passed as they are by the positional create(); the one-object form would drop false values and expects camelCase names.",
    options.length > 0 ? ['const options = {', ...options, '};'].join('\n') : 'const options = {};',
    '',
    'async function main() {',
    '  for (const [index, dst] of dsts.entries()) {',
    `    const response = await ${call};`,
    '    console.log(`request ${index + 1} of ${dsts.length}: ${JSON.stringify(response)}`);',
    '  }',
    '}',
    '',
    'main().catch((error) => {',
    '  console.error(error instanceof Error ? error.message : error);',
    '  process.exitCode = 1;',
    '});',
    '',
  ].join('\n');
}

/** plivo-python's keyword for each body field (`type` is a builtin there). */
const PYTHON_KEYWORD: Readonly<Record<string, string>> = { type: 'type_' };

export function pythonSnippet(plan: SnippetPlan): string {
  const args = plan.fields
    .filter(([key]) => key !== 'text')
    .map(([key, value]) => `        ${PYTHON_KEYWORD[key] ?? key}=${pyValue(value)},`);
  return [
    `# ${summaryLine(plan)}`,
    `# ${CREDENTIALS_LINE}`,
    `# ${RERUN_LINE}`,
    '# pip install plivo',
    'import os',
    '',
    'import plivo',
    ...(plan.isPlivo
      ? []
      : [
          'import plivo.rest.client',
          '',
          '# plivo-python has no base-URL option; it reads this module constant on every request.',
          `plivo.rest.client.PLIVO_API_BASE_URI = ${pythonString(`${plan.origin}/v1/Account`)}`,
        ]),
    '',
    'client = plivo.RestClient(os.environ["PLIVO_AUTH_ID"], os.environ["PLIVO_AUTH_TOKEN"])',
    '',
    'dsts = [',
    ...plan.dsts.map((dst) => `    ${pythonString(dst)},`),
    ']',
    `text = ${pyValue(fieldValue(plan, 'text') ?? '')}`,
    '',
    'for index, dst in enumerate(dsts, start=1):',
    '    response = client.messages.create(',
    '        dst=dst,',
    '        text=text,',
    ...args,
    '    )',
    '    print("request %d of %d: %s" % (index, len(dsts), response))',
    '',
  ].join('\n');
}
