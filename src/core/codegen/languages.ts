// The languages "Copy as…" offers: the eight of Plivo's bulk-messaging page, plus raw HTTP.
import { planSnippet, type CodegenInput, type SnippetPlan } from './codegenInput';
import { csharpSnippet, goSnippet, javaSnippet } from './compiledSnippets';
import { nodeSnippet, pythonSnippet } from './sdkSnippets';
import { phpSnippet, rubySnippet } from './scriptSnippets';
import { curlSnippet, httpSnippet } from './shellAndHttp';

export type SnippetLanguageId = 'curl' | 'node' | 'python' | 'ruby' | 'php' | 'java' | 'dotnet' | 'go' | 'http';

export interface SnippetLanguage {
  id: SnippetLanguageId;
  label: string;
  /** What the snippet is built on, shown beside the label. */
  detail: string;
  /** VS Code's language id for an untitled editor holding the snippet. */
  editorLanguage: string;
  /** A file name the snippet runs as (`javac BulkMessage.java` needs that exact name). */
  fileName: string;
  generate(plan: SnippetPlan): string;
}

export const SNIPPET_LANGUAGES: readonly SnippetLanguage[] = [
  { id: 'curl', label: 'curl', detail: 'POSIX shell, one curl per request', editorLanguage: 'shellscript', fileName: 'send.sh', generate: curlSnippet },
  { id: 'node', label: 'Node.js', detail: 'plivo SDK', editorLanguage: 'javascript', fileName: 'send.js', generate: nodeSnippet },
  { id: 'python', label: 'Python', detail: 'plivo SDK', editorLanguage: 'python', fileName: 'send.py', generate: pythonSnippet },
  { id: 'ruby', label: 'Ruby', detail: 'net/http', editorLanguage: 'ruby', fileName: 'send.rb', generate: rubySnippet },
  { id: 'php', label: 'PHP', detail: 'curl extension', editorLanguage: 'php', fileName: 'send.php', generate: phpSnippet },
  { id: 'java', label: 'Java', detail: 'java.net.http (Java 11+)', editorLanguage: 'java', fileName: 'BulkMessage.java', generate: javaSnippet },
  { id: 'dotnet', label: '.NET', detail: 'C#, HttpClient (.NET 6+)', editorLanguage: 'csharp', fileName: 'Program.cs', generate: csharpSnippet },
  { id: 'go', label: 'Go', detail: 'net/http', editorLanguage: 'go', fileName: 'main.go', generate: goSnippet },
  { id: 'http', label: 'Raw HTTP', detail: 'REST Client .http file', editorLanguage: 'http', fileName: 'send.http', generate: httpSnippet },
];

/** The language of an id or a common alias (`js`, `csharp`, `sh`…), case-insensitive. */
export function findLanguage(name: string): SnippetLanguage | undefined {
  const key = name.trim().toLowerCase();
  const alias: Record<string, SnippetLanguageId> = { js: 'node', nodejs: 'node', javascript: 'node', py: 'python', rb: 'ruby', csharp: 'dotnet', 'c#': 'dotnet', cs: 'dotnet', net: 'dotnet', '.net': 'dotnet', golang: 'go', sh: 'curl', shell: 'curl', raw: 'http' };
  const id = (SNIPPET_LANGUAGES.some((l) => l.id === key) ? key : alias[key]) as SnippetLanguageId | undefined;
  return SNIPPET_LANGUAGES.find((l) => l.id === id);
}

/** The snippet that sends `input` in `language`. */
export function generateSnippet(language: SnippetLanguageId, input: CodegenInput): string {
  const found = SNIPPET_LANGUAGES.find((l) => l.id === language);
  if (!found) throw new RangeError(`Unknown language "${language}".`);
  return found.generate(planSnippet(input));
}
