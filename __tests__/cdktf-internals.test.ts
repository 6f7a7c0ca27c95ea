import * as internals from '../lib/cdktf/internals';

/** The cdktf internals we import are where we import them from; a release that moves one fails here. */
describe('cdktf internals (lib/cdktf/internals.ts)', () => {
  test.each(['resolve', 'invokeAspects'] as const)('GIVEN the installed cdktf THEN %s is a function', (name) => {
    expect(typeof internals[name]).toBe('function');
  });
});
