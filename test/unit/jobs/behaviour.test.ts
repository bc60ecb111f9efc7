import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMAND_DURATION_MS, parseSleep, simulateCommand } from '../../../src/domain/jobs/behaviour.js';

const logs = (t: { steps: Array<{ log?: string }> }) => t.steps.map((s) => s.log);
const sh = (script: string, environment?: Record<string, string>) => simulateCommand(['sh', '-c', script], { environment });

describe('exec form (argv, no shell)', () => {
  it('echo writes one line and takes no time', () => {
    expect(simulateCommand(['echo', 'hello', 'world'])).toEqual({ steps: [{ at: 0, log: 'hello world' }], durationMs: 0, exitCode: 0 });
  });

  it('does not expand variables or split on shell operators, as Docker exec form does not', () => {
    const t = simulateCommand(['echo', '$HOME', 'a;', 'exit', '3'], { environment: { HOME: '/root' } });
    expect(logs(t)).toEqual(['$HOME a; exit 3']);
    expect(t.exitCode).toBe(0);
  });

  it('sleep takes N seconds, decimals allowed, with a path prefix', () => {
    expect(simulateCommand(['/bin/sleep', '2.5']).durationMs).toBe(2500);
    expect(simulateCommand(['sleep', '1m', '30']).durationMs).toBe(90_000);
  });

  it('an unknown program runs for the default duration and succeeds', () => {
    expect(simulateCommand(['python', 'train.py'])).toEqual({ steps: [], durationMs: DEFAULT_COMMAND_DURATION_MS, exitCode: 0 });
    expect(simulateCommand(['python'], { defaultDurationMs: 42 }).durationMs).toBe(42);
  });

  it('an absent or empty command (image CMD) is an unknown command', () => {
    expect(simulateCommand(undefined).durationMs).toBe(DEFAULT_COMMAND_DURATION_MS);
    expect(simulateCommand([]).exitCode).toBe(0);
  });

  it('false and exit N set the exit code', () => {
    expect(simulateCommand(['false']).exitCode).toBe(1);
    expect(simulateCommand(['exit', '7']).exitCode).toBe(7);
  });
});

describe('sh -c / bash -c unwrapping', () => {
  it('unwraps sh -c, bash -c, /bin/bash -ec and /usr/bin/env bash -c', () => {
    expect(logs(simulateCommand(['sh', '-c', 'echo a']))).toEqual(['a']);
    expect(logs(simulateCommand(['/bin/bash', '-c', 'echo b']))).toEqual(['b']);
    expect(logs(simulateCommand(['/usr/bin/env', 'bash', '-c', 'echo c']))).toEqual(['c']);
    expect(simulateCommand(['bash', '-ec', 'false; echo never']).exitCode).toBe(1);
    expect(logs(simulateCommand(['bash', '-e', '-c', 'false; echo never']))).toEqual([]);
  });

  it('passes the trailing arguments as $0, $1… (the Ref:: idiom)', () => {
    const t = simulateCommand(['sh', '-c', 'echo "$0 and $1 ($#)"', 'first', 'second']);
    expect(logs(t)).toEqual(['first and second (1)']);
  });

  it('bash without -c is an unknown program', () => {
    expect(simulateCommand(['bash', 'script.sh']).durationMs).toBe(DEFAULT_COMMAND_DURATION_MS);
  });

  it('reads a joined string as a script', () => {
    const t = simulateCommand('echo start; sleep 3; echo done');
    expect(t.steps).toEqual([
      { at: 0, log: 'start' },
      { at: 3000, log: 'done' },
    ]);
    expect(t.durationMs).toBe(3000);
  });

  it('nested sh -c runs in a subshell: exit ends only the subshell', () => {
    const t = sh(`sh -c 'echo in; exit 4'; echo "after $?"`);
    expect(logs(t)).toEqual(['in', 'after 4']);
    expect(t.exitCode).toBe(0);
  });
});

describe('timeline', () => {
  it('places each log line at the simulated instant it is written', () => {
    const t = sh('echo one; sleep 1.5; echo two; sleep 0.25; echo three; exit 2');
    expect(t).toEqual({
      steps: [
        { at: 0, log: 'one' },
        { at: 1500, log: 'two' },
        { at: 1750, log: 'three' },
      ],
      durationMs: 1750,
      exitCode: 2,
    });
  });

  it('exit stops the script; later commands never run', () => {
    const t = sh('echo a; exit 3; sleep 100; echo b');
    expect(logs(t)).toEqual(['a']);
    expect(t.durationMs).toBe(0);
    expect(t.exitCode).toBe(3);
  });

  it('exit codes wrap modulo 256 and a bare exit returns the last status', () => {
    expect(sh('exit 256').exitCode).toBe(0);
    expect(sh('exit 257').exitCode).toBe(1);
    expect(sh('exit -1').exitCode).toBe(255);
    expect(sh('false; exit').exitCode).toBe(1);
    expect(sh('exit abc').exitCode).toBe(2);
  });

  it('the script exit code is the last command status', () => {
    expect(sh('echo x; false').exitCode).toBe(1);
    expect(sh('false; true').exitCode).toBe(0);
  });

  it('sleep infinity never ends', () => {
    const t = sh('echo up; sleep infinity; echo never');
    expect(t.durationMs).toBe(Number.POSITIVE_INFINITY);
    expect(logs(t)).toEqual(['up']);
  });

  it('an invalid sleep operand fails with the GNU message', () => {
    const t = sh('sleep abc');
    expect(t.exitCode).toBe(1);
    expect(logs(t)).toEqual(["sleep: invalid time interval 'abc'"]);
    expect(sh('sleep').exitCode).toBe(1);
  });

  it('unknown commands in a script each take the default duration', () => {
    const t = simulateCommand(['sh', '-c', 'echo a; ./prepare; python x.py; echo b'], { defaultDurationMs: 1000 });
    expect(t.steps).toEqual([
      { at: 0, log: 'a' },
      { at: 2000, log: 'b' },
    ]);
  });
});

describe('&&, || and ; short-circuit', () => {
  it('&& after failure skips the right side, and the list fails', () => {
    const t = sh('false && echo no');
    expect(logs(t)).toEqual([]);
    expect(t.exitCode).toBe(1);
  });

  it('&& after success runs the right side', () => {
    expect(logs(sh('true && echo yes'))).toEqual(['yes']);
  });

  it('|| runs only after failure', () => {
    expect(logs(sh('false || echo rescued'))).toEqual(['rescued']);
    expect(logs(sh('true || echo no'))).toEqual([]);
    expect(sh('false || echo rescued').exitCode).toBe(0);
  });

  it('a chain short-circuits left to right: a && b || c', () => {
    expect(logs(sh('false && echo b || echo c'))).toEqual(['c']);
    expect(logs(sh('true && echo b || echo c'))).toEqual(['b']);
    expect(logs(sh('exit 5 && echo x'))).toEqual([]);
  });

  it('; runs regardless of the previous status', () => {
    const t = sh('false; echo still');
    expect(logs(t)).toEqual(['still']);
    expect(t.exitCode).toBe(0);
  });

  it('newlines separate commands and may follow && / ||', () => {
    expect(logs(sh('echo a\necho b &&\n  echo c'))).toEqual(['a', 'b', 'c']);
  });

  it('set -e exits on the first failure outside a condition', () => {
    expect(logs(sh('set -e; echo a; false; echo b'))).toEqual(['a']);
    expect(sh('set -e; echo a; false; echo b').exitCode).toBe(1);
    // A failure on the left of && does not trigger errexit.
    expect(logs(sh('set -e; false && echo x; echo after'))).toEqual(['after']);
    expect(logs(sh('set -e; if false; then echo x; fi; echo ok'))).toEqual(['ok']);
  });

  it('! negates a status', () => {
    expect(sh('! false').exitCode).toBe(0);
    expect(logs(sh('! true || echo negated'))).toEqual(['negated']);
  });
});

describe('quoting and expansion', () => {
  const env = { NAME: 'world', EMPTY: '', SPACED: 'a   b' };

  it('expands $VAR and ${VAR} from the job environment', () => {
    expect(logs(sh('echo hello $NAME ${NAME}!', env))).toEqual(['hello world world!']);
  });

  it('single quotes are literal, double quotes expand', () => {
    expect(logs(sh(`echo '$NAME' "$NAME"`, env))).toEqual(['$NAME world']);
  });

  it('keeps spaces inside quotes and collapses unquoted ones', () => {
    expect(logs(sh(`echo "a   b"   c    d`))).toEqual(['a   b c d']);
    expect(logs(sh('echo $SPACED "$SPACED"', env))).toEqual(['a b a   b']);
  });

  it('an unset variable expands to nothing; defaults apply', () => {
    expect(logs(sh('echo [$NOPE] [${EMPTY:-dflt}] [${EMPTY-dflt}] [${NOPE-x}]', env))).toEqual(['[] [dflt] [] [x]']);
  });

  it('handles backslash escapes and escaped quotes', () => {
    expect(logs(sh(String.raw`echo \$NAME "say \"hi\"" it\'s`, env))).toEqual([`$NAME say "hi" it's`]);
  });

  it('$? is the last status', () => {
    expect(logs(sh('false; echo "status=$?"; echo "now=$?"'))).toEqual(['status=1', 'now=0']);
  });

  it('assignments set shell variables; export works too', () => {
    expect(logs(sh('X=1; export Y=2; echo $X$Y'))).toEqual(['12']);
  });

  it('sees AWS_BATCH_* variables like any other', () => {
    expect(logs(sh('echo "index $AWS_BATCH_JOB_ARRAY_INDEX"', { AWS_BATCH_JOB_ARRAY_INDEX: '3' }))).toEqual(['index 3']);
  });

  it('accepts the environment as KeyValuePair[]', () => {
    const t = simulateCommand(['sh', '-c', 'echo $A'], { environment: [{ name: 'A', value: 'kv' }] });
    expect(logs(t)).toEqual(['kv']);
  });

  it('prints command substitutions literally (not evaluated)', () => {
    expect(logs(sh('echo "now: $(date)"'))).toEqual(['now: $(date)']);
  });

  it('echo -n joins with the next write; -e interprets escapes into several lines', () => {
    expect(logs(sh('echo -n "a"; echo b'))).toEqual(['ab']);
    expect(logs(sh(String.raw`echo -e "l1\nl2"`))).toEqual(['l1', 'l2']);
  });

  it('drops empty lines', () => {
    expect(logs(sh('echo; echo ""; echo x'))).toEqual(['x']);
  });

  it('printf formats and repeats its format', () => {
    expect(logs(sh(String.raw`printf "%s=%d\n" a 1 b 2`))).toEqual(['a=1', 'b=2']);
  });

  it('an unbalanced quote makes the whole script an unknown command', () => {
    expect(sh(`echo "oops`)).toEqual({ steps: [], durationMs: DEFAULT_COMMAND_DURATION_MS, exitCode: 0 });
  });

  it('unsupported constructs (while) fall back to an unknown command', () => {
    expect(sh('while true; do sleep 1; done')).toEqual({ steps: [], durationMs: DEFAULT_COMMAND_DURATION_MS, exitCode: 0 });
  });
});

describe('control flow, redirections, pipes, background', () => {
  it('if / elif / else with test and [', () => {
    const script = 'if [ "$X" = a ]; then echo A; elif test "$X" -gt 3; then echo big; else echo other; fi';
    expect(logs(sh(script, { X: 'a' }))).toEqual(['A']);
    expect(logs(sh(script, { X: '7' }))).toEqual(['big']);
    expect(logs(sh(script, { X: '1' }))).toEqual(['other']);
  });

  it('for loops over words', () => {
    const t = sh('for i in 1 2 3; do echo "step $i"; sleep 1; done; echo end');
    expect(t.steps).toEqual([
      { at: 0, log: 'step 1' },
      { at: 1000, log: 'step 2' },
      { at: 2000, log: 'step 3' },
      { at: 3000, log: 'end' },
    ]);
  });

  it('stdout redirected to a file is not logged; >&2 and /dev/stderr are', () => {
    expect(logs(sh('echo hidden > /tmp/x; echo also >> out.log; echo err >&2; echo e2 1>&2; echo d > /dev/stderr'))).toEqual([
      'err',
      'e2',
      'd',
    ]);
  });

  it('a subshell ( … ) contains exit; { …; } does not', () => {
    expect(logs(sh('(echo a; exit 3); echo "rc=$?"'))).toEqual(['a', 'rc=3']);
    expect(sh('{ echo a; exit 3; }; echo never').exitCode).toBe(3);
  });

  it('a pipeline logs only the last command, runs concurrently, returns the last status', () => {
    const t = sh('echo piped | sleep 2');
    expect(logs(t)).toEqual([]);
    expect(t.durationMs).toBe(2000);
    expect(sh('false | true').exitCode).toBe(0);
    expect(sh('true | false').exitCode).toBe(1);
  });

  it('background jobs do not block; wait does', () => {
    const t = sh('(sleep 2; echo bg) & echo fg; wait; echo done');
    expect(t.steps).toEqual([
      { at: 0, log: 'fg' },
      { at: 2000, log: 'bg' },
      { at: 2000, log: 'done' },
    ]);
  });

  it('background output after the main process exits is lost', () => {
    const t = sh('(sleep 5; echo late) & echo quick');
    expect(logs(t)).toEqual(['quick']);
    expect(t.durationMs).toBe(0);
  });

  it('comments are ignored', () => {
    expect(logs(sh('echo a # not this\n# nor this\necho b'))).toEqual(['a', 'b']);
  });
});

describe('parseSleep', () => {
  it('parses GNU sleep operands', () => {
    expect(parseSleep('1')).toBe(1000);
    expect(parseSleep('.5')).toBe(500);
    expect(parseSleep('2s')).toBe(2000);
    expect(parseSleep('1.5h')).toBe(5_400_000);
    expect(parseSleep('1d')).toBe(86_400_000);
    expect(parseSleep('infinity')).toBe(Number.POSITIVE_INFINITY);
    expect(parseSleep('-1')).toBeUndefined();
    expect(parseSleep('1x')).toBeUndefined();
  });
});

describe('stress / stress-ng: memory for OOM rehearsals', () => {
  it('--vm N --vm-bytes SIZE holds N × SIZE from the start until --timeout, with stress\'s own log lines', () => {
    const t = simulateCommand(['stress', '--vm', '2', '--vm-bytes', '1536M', '--timeout', '60s']);
    expect(t).toEqual({
      steps: [{ at: 0, log: 'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 2 vm, 0 hdd' }, { at: 60_000, log: 'stress: info: [1] successful run completed in 60s' }],
      durationMs: 60_000,
      exitCode: 0,
      memory: [{ from: 0, to: 60_000, mib: 3072 }],
    });
  });

  it('sizes take b/k/m/g suffixes (powers of 1024); 256M per worker by default; short options and --opt=value', () => {
    expect(sh('echo start; sleep 5; stress -m 1 --vm-bytes=2g -t 10').memory).toEqual([{ from: 5000, to: 15_000, mib: 2048 }]);
    expect(simulateCommand(['stress', '--vm', '1', '--timeout', '1']).memory).toEqual([{ from: 0, to: 1000, mib: 256 }]);
    expect(simulateCommand(['stress', '--vm', '1', '--vm-bytes', '524288k', '-t', '1']).memory![0]!.mib).toBe(512);
  });

  it('stress-ng: its own lines; no --timeout runs forever; background allocations add up', () => {
    const ng = simulateCommand(['stress-ng', '--vm', '1', '--vm-bytes', '1G', '--timeout', '30', '--metrics-brief']);
    expect(logs(ng)).toEqual(['stress-ng: info:  [1] dispatching hogs: 1 vm', 'stress-ng: info:  [1] successful run completed in 30.00 secs']);
    expect(simulateCommand(['stress-ng', '--vm', '1', '--vm-bytes', '1G']).durationMs).toBe(Number.POSITIVE_INFINITY);
    const both = sh('stress --vm 1 --vm-bytes 1G -t 20 & sleep 5; stress -q --vm 1 --vm-bytes 1G -t 5');
    expect(both.memory).toEqual([{ from: 0, to: 20_000, mib: 1024 }, { from: 5000, to: 10_000, mib: 1024 }]);
    expect(both.durationMs).toBe(10_000);
  });

  it('cpu-only stress uses no memory; bad options fail with exit 1 and a line', () => {
    expect(simulateCommand(['stress', '--cpu', '2', '--timeout', '3'])).toMatchObject({ durationMs: 3000, exitCode: 0 });
    expect(simulateCommand(['stress', '--cpu', '2', '--timeout', '3']).memory).toBeUndefined();
    expect(simulateCommand(['stress', '--vm', '1', '--vm-bytes', 'lots'])).toMatchObject({ exitCode: 1, steps: [{ at: 0, log: "stress: FAIL: [1] invalid vm-bytes 'lots' (a number with an optional b, k, m or g suffix)" }] });
    expect(logs(simulateCommand(['stress', '--frobnicate']))).toEqual(["stress: FAIL: [1] unrecognized option '--frobnicate'"]);
    expect(logs(simulateCommand(['stress']))).toEqual(['stress: FAIL: [1] no workers given (--vm N, --cpu N, --io N or --hdd N)']);
    expect(simulateCommand(['stress', '--vm']).exitCode).toBe(1);
  });
});
