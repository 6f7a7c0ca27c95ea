// Registers cdktf's jest matchers (toHaveResourceWithProperties and friends), and brings in their type
// declarations for `tsc --noEmit`. From the adapter's own module: cdktf's index loads some 380 modules,
// which every test file would pay for, also those that never synthesize.
import { setupJest } from 'cdktf/lib/testing/adapters/jest';

setupJest();
