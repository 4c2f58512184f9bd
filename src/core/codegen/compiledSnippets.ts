// Java, .NET (C#) and Go with their standard HTTP clients: no SDK to install, any base URL, and
// the raw JSON answer (an SDK may drop `invalid_number`).
import { CREDENTIALS_LINE, RERUN_LINE, requestBody, summaryLine, type BodyValue, type SnippetPlan } from './codegenInput';
import { csharpString, goString, javaString } from './literals';

const header = (plan: SnippetPlan): string[] => [`// ${summaryLine(plan)}`, `// ${CREDENTIALS_LINE}`, `// ${RERUN_LINE}`];

function csharpValue(value: BodyValue): string {
  return Array.isArray(value) ? `new[] { ${value.map(csharpString).join(', ')} }` : typeof value === 'string' ? csharpString(value) : String(value);
}

function goValue(value: BodyValue): string {
  return Array.isArray(value) ? `[]string{${value.map(goString).join(', ')}}` : typeof value === 'string' ? goString(value) : String(value);
}

export function javaSnippet(plan: SnippetPlan): string {
  // Java has no JSON in its standard library: the fields are written as JSON once, dst joined per request.
  const { dst: _dst, ...rest } = requestBody(plan, '');
  const fields = JSON.stringify(rest).slice(1, -1);
  return [
    ...header(plan),
    'import java.net.URI;',
    'import java.net.http.HttpClient;',
    'import java.net.http.HttpRequest;',
    'import java.net.http.HttpResponse;',
    'import java.nio.charset.StandardCharsets;',
    'import java.util.Base64;',
    '',
    'public class BulkMessage {',
    // An array initializer, not List.of(…): a method call takes at most 255 arguments.
    '    static final String[] DSTS = {',
    ...plan.dsts.map((dst) => `        ${javaString(dst)},`),
    '    };',
    '    /** The JSON fields every request carries besides dst. */',
    `    static final String FIELDS = ${javaString(fields)};`,
    '',
    '    public static void main(String[] args) throws Exception {',
    '        String authId = System.getenv("PLIVO_AUTH_ID");',
    '        String authToken = System.getenv("PLIVO_AUTH_TOKEN");',
    '        if (authId == null || authToken == null) {',
    '            System.err.println("Set PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.");',
    '            System.exit(2);',
    '        }',
    '        String credentials = Base64.getEncoder().encodeToString((authId + ":" + authToken).getBytes(StandardCharsets.UTF_8));',
    `        URI uri = URI.create(${javaString(`${plan.origin}/v1/Account/`)} + authId + "/Message/");`,
    '        HttpClient client = HttpClient.newHttpClient();',
    '        for (int i = 0; i < DSTS.length; i++) {',
    '            String body = "{\\"dst\\":\\"" + DSTS[i] + "\\"" + (FIELDS.isEmpty() ? "" : "," + FIELDS) + "}";',
    '            HttpRequest request = HttpRequest.newBuilder(uri)',
    '                .header("Authorization", "Basic " + credentials)',
    '                .header("Content-Type", "application/json")',
    '                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))',
    '                .build();',
    '            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());',
    '            System.out.println("request " + (i + 1) + " of " + DSTS.length + ": " + response.statusCode() + " " + response.body());',
    '            if (response.statusCode() != 202) {',
    '                System.exit(1);',
    '            }',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n');
}

export function csharpSnippet(plan: SnippetPlan): string {
  const body = Object.entries(requestBody(plan, '')).map(([key, value]) => `        [${csharpString(key)}] = ${key === 'dst' ? 'dsts[i]' : csharpValue(value)},`);
  return [
    ...header(plan),
    '// A console app (dotnet new console): this is its Program.cs.',
    'using System;',
    'using System.Collections.Generic;',
    'using System.Net.Http;',
    'using System.Net.Http.Headers;',
    'using System.Text;',
    'using System.Text.Json;',
    '',
    'var authId = Environment.GetEnvironmentVariable("PLIVO_AUTH_ID") ?? throw new InvalidOperationException("Set PLIVO_AUTH_ID.");',
    'var authToken = Environment.GetEnvironmentVariable("PLIVO_AUTH_TOKEN") ?? throw new InvalidOperationException("Set PLIVO_AUTH_TOKEN.");',
    'using var http = new HttpClient();',
    'http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(authId + ":" + authToken)));',
    `var url = ${csharpString(`${plan.origin}/v1/Account/`)} + authId + "/Message/";`,
    '',
    'string[] dsts =',
    '{',
    ...plan.dsts.map((dst) => `    ${csharpString(dst)},`),
    '};',
    '',
    'for (var i = 0; i < dsts.Length; i++)',
    '{',
    '    var body = new Dictionary<string, object>',
    '    {',
    ...body,
    '    };',
    '    using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");',
    '    var response = await http.PostAsync(url, content);',
    '    Console.WriteLine("request " + (i + 1) + " of " + dsts.Length + ": " + (int)response.StatusCode + " " + await response.Content.ReadAsStringAsync());',
    '    if ((int)response.StatusCode != 202) return 1;',
    '}',
    'return 0;',
    '',
  ].join('\n');
}

export function goSnippet(plan: SnippetPlan): string {
  const entries = Object.entries(requestBody(plan, ''));
  const width = Math.max(...entries.map(([key]) => goString(key).length)) + 1;
  const body = entries.map(([key, value]) => `\t\t\t${`${goString(key)}:`.padEnd(width)} ${key === 'dst' ? 'dst' : goValue(value)},`);
  return [
    ...header(plan),
    'package main',
    '',
    'import (',
    '\t"bytes"',
    '\t"encoding/json"',
    '\t"fmt"',
    '\t"io"',
    '\t"net/http"',
    '\t"os"',
    ')',
    '',
    'func main() {',
    '\tauthID, authToken := os.Getenv("PLIVO_AUTH_ID"), os.Getenv("PLIVO_AUTH_TOKEN")',
    '\tif authID == "" || authToken == "" {',
    '\t\tfmt.Fprintln(os.Stderr, "Set PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.")',
    '\t\tos.Exit(2)',
    '\t}',
    `\turl := ${goString(`${plan.origin}/v1/Account/`)} + authID + "/Message/"`,
    '\tdsts := []string{',
    ...plan.dsts.map((dst) => `\t\t${goString(dst)},`),
    '\t}',
    '\tfor i, dst := range dsts {',
    '\t\tbody, err := json.Marshal(map[string]any{',
    ...body,
    '\t\t})',
    '\t\tif err != nil {',
    '\t\t\tpanic(err)',
    '\t\t}',
    '\t\treq, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))',
    '\t\tif err != nil {',
    '\t\t\tpanic(err)',
    '\t\t}',
    '\t\treq.SetBasicAuth(authID, authToken)',
    '\t\treq.Header.Set("Content-Type", "application/json")',
    '\t\tresp, err := http.DefaultClient.Do(req)',
    '\t\tif err != nil {',
    '\t\t\tfmt.Fprintln(os.Stderr, err)',
    '\t\t\tos.Exit(1)',
    '\t\t}',
    '\t\treply, _ := io.ReadAll(resp.Body)',
    '\t\tresp.Body.Close()',
    '\t\tfmt.Printf("request %d of %d: %d %s\\n", i+1, len(dsts), resp.StatusCode, reply)',
    '\t\tif resp.StatusCode != http.StatusAccepted {',
    '\t\t\tos.Exit(1)',
    '\t\t}',
    '\t}',
    '}',
    '',
  ].join('\n');
}
