// cdktf keeps where each token (an attribute reference, a list of blocks, an iterator) was created: a
// full stack trace, captured when the token is made and shown only if resolving that token fails. The
// capture is costly, a third of the instructions of synthesizing one of our stacks, and cdktf 0.21 has
// no switch for it; AWS CDK, whose code cdktf copied, captures only when CDK_DEBUG is set. The switch
// here is the module's exported function, which every cdktf caller looks up at call time.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself, whose export we swap
import stackTraceModule = require('cdktf/lib/tokens/private/stack-trace');

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- cdktf's own signature
type CaptureStackTrace = (below?: Function) => string[];

const cdktfStackTrace = stackTraceModule as { captureStackTrace: CaptureStackTrace };
const recorded: CaptureStackTrace = cdktfStackTrace.captureStackTrace;

/** What a token's creation stack says when it was not recorded. */
export const UNRECORDED_CREATION_STACK: readonly string[] = [
  'stack trace not recorded: run with CDK_DEBUG=1 to see where this token was created',
];

const unrecorded: CaptureStackTrace = () => [...UNRECORDED_CREATION_STACK];

/**
 * Runs `body` with cdktf recording, or not, where each token is created; the previous setting is back
 * afterwards, also when `body` throws.
 */
export function withTokenStackTraces<T>(record: boolean, body: () => T): T {
  const previous = cdktfStackTrace.captureStackTrace;
  cdktfStackTrace.captureStackTrace = record ? recorded : unrecorded;
  try {
    return body();
  } finally {
    cdktfStackTrace.captureStackTrace = previous;
  }
}
