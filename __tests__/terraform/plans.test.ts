import * as path from 'path';
import { tempProject } from '../support/app-process';
import { EXAMPLE_WORLD, FakeAws } from '../support/fake-aws';
import { HUB_WORLD } from '../support/hub-and-spoke';
import { SharedRoot } from '../support/shared-root';
import { describeWithTerraform } from '../support/terraform';
import { exampleOptionPlans } from './plans/example-options';
import { hubAndSpokePlans } from './plans/hub-and-spoke';
import { optionMatrixPlans } from './plans/option-matrix';
import { PlanRoots, PlanSuite, PlanTopic } from './plans/plan-topic';
import { preflightPlans } from './plans/preflight';

jest.setTimeout(300_000);

const TOPICS: readonly PlanTopic[] = [optionMatrixPlans, hubAndSpokePlans, exampleOptionPlans, preflightPlans];

/**
 * The synthesized stacks judged by Terraform's plans against the fake AWS: every option as JSON and as HCL,
 * a hub with its spokes, the endpoint options, and what the preflight stops (topics in ./plans/). All of
 * them are child modules of three roots, planned side by side: one plan each for the stacks that must plan
 * (with `show`), those whose preflight must stop the plan, and the hub with its spokes (with `show`).
 */
describeWithTerraform('Terraform plans of the synthesized stacks', (terraformFor) => {
  let suite: PlanSuite;
  const fakes: FakeAws[] = [];

  beforeAll(async () => {
    const terraform = terraformFor();
    const work = tempProject('plans');
    const roots: PlanRoots = {
      work,
      passing: new SharedRoot(path.join(work, 'passing'), EXAMPLE_WORLD),
      failing: new SharedRoot(path.join(work, 'failing'), EXAMPLE_WORLD),
      hub: new SharedRoot(path.join(work, 'hub'), HUB_WORLD),
    };
    const allRoots = [roots.passing, roots.failing, roots.hub];
    await Promise.all(TOPICS.map((topic) => topic.addModules(roots)));
    const [passingFake, failingFake, hubFake] = await Promise.all(allRoots.map((root) => root.startFake()));
    fakes.push(passingFake, failingFake, hubFake);
    await Promise.all(allRoots.map((root) => terraform.expect([0], root.write(), 'init', '-input=false')));
    const [passing, failing, hub] = await Promise.all([
      terraform.against(passingFake.url).plan(roots.passing.folder),
      terraform.against(failingFake.url).planMessages(roots.failing.folder),
      terraform.against(hubFake.url).plan(roots.hub.folder),
    ]);
    suite = { terraform, roots, plans: { passing, passingFake, failing, hub, hubFake } };
  });

  afterAll(() => Promise.all(fakes.map((fake) => fake.close())));

  for (const topic of TOPICS) {
    topic.declareTests(() => suite);
  }
});
