import { LogStreamName } from '../container-runtime.port';
import { runHollowShell, scriptOf } from './hollow-shell';

async function sh(script: string, files: Record<string, string> = {}) {
  const out: Record<LogStreamName, string> = { stdout: '', stderr: '' };
  const code = await runHollowShell(script, {
    env: { NAME: 'drove' },
    files: new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)])),
    write: (stream, text) => (out[stream] += text),
    sleep: async () => undefined,
  });
  return { code, ...out };
}

describe('hollow shell', () => {
  it.each([
    ['echo hi $NAME', 0, 'hi drove\n', ''],
    ['echo \'a  b\' "${NAME}"', 0, 'a  b drove\n', ''],
    ['echo err >&2', 0, '', 'err\n'],
    ['cat /f', 0, 'content', ''],
    ['cat /missing', 1, '', "cat: can't open '/missing': No such file or directory\n"],
    ['printenv NAME', 0, 'drove\n', ''],
    ['printenv NOPE', 1, '', ''],
    ['test -f /f', 0, '', ''],
    ['test -e /g', 1, '', ''],
    ['sleep 1; true', 0, '', ''],
    ['false', 1, '', ''],
    ['echo a; exit 4; echo never', 4, 'a\n', ''],
    ['curl x', 127, '', 'sh: curl: not found\n'],
    ['', 0, '', ''],
  ])('%j exits %i', async (script, code, stdout, stderr) => {
    expect(await sh(script, { '/f': 'content' })).toEqual({ code, stdout, stderr });
  });

  it('runs `sh -c` scripts as given and plain argv as one statement', () => {
    expect(scriptOf(['sh', '-c', 'echo a; echo b'])).toBe('echo a; echo b');
    expect(scriptOf(['/bin/sh', '-c', 'true'])).toBe('true');
    expect(scriptOf(['echo', 'two words'])).toBe("echo 'two words'");
  });
});
