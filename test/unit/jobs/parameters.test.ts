import { describe, expect, it } from 'vitest';
import {
  mergeParameters,
  placeholderName,
  placeholdersIn,
  placeholdersWithoutDefault,
  substituteParameters,
} from '../../../src/domain/jobs/parameters.js';

describe('parameter substitution', () => {
  const command = ['ffmpeg', '-i', 'Ref::inputfile', '-c', 'Ref::codec', '-o', 'Ref::outputfile'];

  it('submit parameters override definition defaults', () => {
    expect(mergeParameters({ codec: 'mp4', a: '1' }, { codec: 'mkv' })).toEqual({ codec: 'mkv', a: '1' });
    expect(mergeParameters(undefined, undefined)).toEqual({});
  });

  it('substitutes the AWS user-guide example (defaults < submit)', () => {
    const params = mergeParameters({ codec: 'mp4' }, { inputfile: 'in.mov', outputfile: 'out.mp4' });
    expect(substituteParameters(command, params)).toEqual({
      command: ['ffmpeg', '-i', 'in.mov', '-c', 'mp4', '-o', 'out.mp4'],
      unresolved: [],
    });
  });

  it('passes an unresolved Ref:: through literally and reports it once', () => {
    const r = substituteParameters(['x', 'Ref::missing', 'Ref::codec', 'Ref::missing'], { codec: 'mp4' });
    expect(r.command).toEqual(['x', 'Ref::missing', 'mp4', 'Ref::missing']);
    expect(r.unresolved).toEqual(['missing']);
  });

  it('replaces whole elements only, never a placeholder embedded in a longer string', () => {
    const r = substituteParameters(['sh', '-c', 'echo Ref::msg', 'Ref::msg'], { msg: 'hi' });
    expect(r.command).toEqual(['sh', '-c', 'echo Ref::msg', 'hi']);
  });

  it('is case-sensitive in names and in the prefix', () => {
    const r = substituteParameters(['Ref::Codec', 'ref::codec', 'REF::codec'], { codec: 'mp4' });
    expect(r.command).toEqual(['Ref::Codec', 'ref::codec', 'REF::codec']);
    expect(r.unresolved).toEqual(['Codec']);
  });

  it('allows an empty-string value and leaves the bare prefix alone', () => {
    expect(substituteParameters(['Ref::a', 'Ref::'], { a: '' }).command).toEqual(['', 'Ref::']);
  });

  it('handles a missing command', () => {
    expect(substituteParameters(undefined, { a: 'b' })).toEqual({ command: [], unresolved: [] });
  });

  it('lists placeholders and those without a default', () => {
    expect(placeholderName('Ref::x')).toBe('x');
    expect(placeholderName('Ref::x y')).toBeUndefined();
    expect(placeholdersIn([...command, 'Ref::codec'])).toEqual(['inputfile', 'codec', 'outputfile']);
    expect(placeholdersWithoutDefault(command, { codec: 'mp4' })).toEqual(['inputfile', 'outputfile']);
  });
});
