/**
 * cdktf functions that the package root does not export, in one place (see internals.test.ts, which
 * fails if a cdktf or cdktn release moves them).
 */
// The resolution cdktf applies when it writes a stack: the checks see arguments as they will be written.
export { resolve } from 'cdktf/lib/_tokens';
// cdktf runs aspects stack by stack while writing; running them first lets every stack be checked before
// any is written.
export { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
