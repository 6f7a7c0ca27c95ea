// Registers cdktf's jest matchers (toHaveResourceWithProperties and friends); the import brings in their
// type declarations for `tsc --noEmit`.
import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';

Testing.setupJest();
