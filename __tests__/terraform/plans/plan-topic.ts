import { FakeAws } from '../../support/fake-aws';
import { SharedRoot } from '../../support/shared-root';
import { PlanMessage, PlanResult, Terraform } from '../../support/terraform';

/**
 * The Terraform plans of plans.test.ts: every topic's stacks are child modules of three roots, so that the
 * whole suite costs three plans (Terraform loads the AWS provider's schema once per command, most of a
 * plan's time here).
 */
export interface PlanRoots {
  /** A folder of the suite's own, for whatever a topic writes besides its modules. */
  readonly work: string;
  /** Stacks that must plan: planned (and shown) against EXAMPLE_WORLD unless a module has a world of its own. */
  readonly passing: SharedRoot;
  /** Stacks whose preflight must stop the plan: planned against EXAMPLE_WORLD unless a module says otherwise. */
  readonly failing: SharedRoot;
  /** A hub and its spokes, which keep their own provider blocks: planned (and shown) against HUB_WORLD. */
  readonly hub: SharedRoot;
}

/** What Terraform made of the roots. */
export interface SharedPlans {
  readonly passing: PlanResult;
  readonly passingFake: FakeAws;
  readonly failing: { readonly code: number; readonly messages: PlanMessage[] };
  readonly hub: PlanResult;
  readonly hubFake: FakeAws;
}

/** What a topic's tests read, once the suite's beforeAll has made the plans. */
export interface PlanSuite {
  readonly terraform: Terraform;
  readonly roots: PlanRoots;
  readonly plans: SharedPlans;
}

/** One subject of the suite: its stacks in the roots, and its tests of their plans. */
export interface PlanTopic {
  /** Synthesizes the topic's stacks into the roots' module folders and adds them to the roots. */
  readonly addModules: (roots: PlanRoots) => Promise<void> | void;
  /** Declares the topic's tests, which read the plans once the suite's beforeAll has made them. */
  readonly declareTests: (suite: () => PlanSuite) => void;
}
