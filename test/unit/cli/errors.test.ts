import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { report } from '../../../src/cli.js';
import { createContext } from '../../../src/context.js';
import {
  AwsShapedError,
  CancelledError,
  ExitCode,
  NotFoundError,
  SilentError,
  UsageError,
  clientException,
  toBatchctlError,
} from '../../../src/errors.js';
import { testStreams } from '../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../src/io/prompter.js';

describe('toBatchctlError: anything thrown -> the documented exit code', () => {
  const cases: Array<[string, unknown, number]> = [
    ['ClientException about a missing resource', clientException('JobQueue nope does not exist'), ExitCode.NOT_FOUND],
    ['ClientException about bad input', clientException('priority must be between 0 and 1000'), ExitCode.USAGE],
    ['IAM NoSuchEntity', new AwsShapedError('NoSuchEntity', 'The role with name x cannot be found.', 404), ExitCode.NOT_FOUND],
    ['EC2 InvalidSubnetID.NotFound', new AwsShapedError('InvalidSubnetID.NotFound', "The subnet ID 'subnet-1' does not exist"), ExitCode.NOT_FOUND],
    ['AccessDeniedException', new AwsShapedError('AccessDeniedException', 'not authorized', 403), ExitCode.AUTH],
    ['ExpiredToken', new AwsShapedError('ExpiredToken', 'expired', 403), ExitCode.AUTH],
    ['a credentials provider error', Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), ExitCode.AUTH],
    ['TooManyRequestsException', new AwsShapedError('TooManyRequestsException', 'Too Many Requests', 429), ExitCode.THROTTLED],
    ['ThrottlingException', new AwsShapedError('ThrottlingException', 'Rate exceeded', 400), ExitCode.THROTTLED],
    ['ValidationException', new AwsShapedError('ValidationException', 'bad', 400), ExitCode.USAGE],
    ['a server error', new AwsShapedError('ServerException', 'boom', 500), ExitCode.FAILURE],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), ExitCode.FAILURE],
    ['a plain Error', new Error('something broke'), ExitCode.FAILURE],
    ['a string', 'odd', ExitCode.FAILURE],
    ['a BatchctlError as is', new NotFoundError('gone'), ExitCode.NOT_FOUND],
    ['a declined confirmation', new CancelledError(), ExitCode.INTERRUPTED],
  ];
  it.each(cases)('%s', (_name, err, code) => {
    expect(toBatchctlError(err).exitCode).toBe(code);
  });

  it('names the endpoint when it cannot be reached', () => {
    const e = toBatchctlError(Object.assign(new Error('x'), { cause: { code: 'ECONNREFUSED' } }), { endpoint: 'http://127.0.0.1:5999' });
    expect(e.message).toBe('cannot reach http://127.0.0.1:5999: ECONNREFUSED');
    expect(e.hint).toMatch(/--endpoint-url/);
  });

  it('keeps the AWS error name in the message and hints how to fix credentials', () => {
    const e = toBatchctlError(new AwsShapedError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403));
    expect(e.message).toBe('UnrecognizedClientException: The security token included in the request is invalid.');
    expect(e.hint).toMatch(/--profile/);
  });
});

describe('report: one paragraph on stderr, nothing on stdout', () => {
  const setup = (env: NodeJS.ProcessEnv = {}) => {
    const s = testStreams();
    const ctx = createContext({ io: s.io, env: { BATCHCTL_CONFIG: '/nonexistent/c.json', ...env }, prompter: scriptedPrompter([]) });
    return { ...s, ctx };
  };

  it('prints the message and the hint', () => {
    const s = setup();
    expect(report(s.ctx, new UsageError('bad thing', 'do this instead'))).toBe(ExitCode.USAGE);
    expect(s.stderr()).toBe('error: bad thing\nhint: do this instead\n');
    expect(s.stdout()).toBe('');
  });

  it('suggests --debug only for unexpected errors', () => {
    const s = setup();
    expect(report(s.ctx, new TypeError('x is undefined'))).toBe(ExitCode.FAILURE);
    expect(s.stderr()).toBe('error: x is undefined\nrun again with --debug for details\n');
    const t = setup();
    report(t.ctx, clientException('JobQueue q does not exist'));
    expect(t.stderr()).toBe('error: JobQueue q does not exist\n');
  });

  it('prints the stack with --debug', () => {
    const s = setup();
    s.ctx.configure({ debug: true });
    report(s.ctx, new TypeError('x is undefined'));
    expect(s.stderr()).toMatch(/^error: x is undefined\nTypeError: x is undefined\n {4}at /);
  });

  it('maps commander errors: help and version are success, the rest usage (commander printed them)', () => {
    const s = setup();
    expect(report(s.ctx, new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(ExitCode.OK);
    expect(report(s.ctx, new CommanderError(0, 'commander.version', '0.1.0'))).toBe(ExitCode.OK);
    expect(report(s.ctx, new CommanderError(1, 'commander.unknownCommand', "error: unknown command 'x'"))).toBe(ExitCode.USAGE);
    expect(report(s.ctx, new CommanderError(1, 'commander.invalidArgument', 'error: bad'))).toBe(ExitCode.USAGE);
    expect(s.stderr()).toBe('');
  });

  it('a SilentError prints nothing and keeps its code', () => {
    const s = setup();
    expect(report(s.ctx, new SilentError(ExitCode.PENDING))).toBe(ExitCode.PENDING);
    expect(s.stderr()).toBe('');
  });

  it('still reports when the configuration itself is broken', () => {
    const s = setup({ BATCHCTL_BACKEND: 'nope' });
    expect(report(s.ctx, new Error('boom'))).toBe(ExitCode.FAILURE);
    expect(s.stderr()).toContain('error: boom');
  });
});
