// The escapes of the languages this machine cannot run: the characters each one treats specially.
import * as assert from 'node:assert/strict';
import { csharpString, goString, javaString, phpString, rubyString, shellString } from '../../../../src/core/codegen/literals';

describe('copy as code: string literals', () => {
  it('Ruby escapes "#" so #{…} never interpolates, and keeps emoji', () => {
    assert.equal(rubyString('#{x} "q" \\ 🎉\n'), '"\\#{x} \\"q\\" \\\\ 🎉\\n"');
  });
  it('PHP escapes "$" so ${…} and $var never interpolate', () => {
    assert.equal(phpString('${y} $5 {ok}\t'), '"\\${y} \\$5 {ok}\\t"');
  });
  it('Java writes control characters as octal, never \\u000a (javac would read it as a line break)', () => {
    assert.equal(javaString('a\u0001\nb'), '"a\\001\\nb"');
    assert.ok(!javaString('\u0000\u001f').includes('\\u'));
  });
  it('C# and Go escape quotes, backslashes and controls', () => {
    assert.equal(csharpString('"\\\u0007'), '"\\"\\\\\\u0007"');
    assert.equal(goString('"\\\u0007\u2028'), '"\\"\\\\\\x07\\u2028"');
  });
  it("the shell quotes a single quote as '\\''", () => {
    assert.equal(shellString("it's $HOME"), "'it'\\''s $HOME'");
  });
});
