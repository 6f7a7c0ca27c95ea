import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { migrationReport, verdictOf } from '../../lib/migration/migration-report';
import { plannedActions } from '../../lib/migration/planned-actions';
import { InterfaceService } from '../../lib/naming/interface-service';
import { EcrPrivateLinkStackProps } from '../../stacks/ecr-private-link-stack';
import { tempProject } from '../support/app-process';
import { REPO_ROOT } from '../support/example-stack';
import { TerraformState } from '../support/fake-aws';
import { synthModule, writeRoot } from '../support/module-root';
import { synthInProject } from '../support/synth-in-project';
import { CommandResult } from '../support/run';
import { AppliedChanges, describeWithTerraform, PlannedChanges, PlanResult } from '../support/terraform';

jest.setTimeout(180_000);

/** State written by `terraform apply` of reference/original.tf (Terraform 1.11.4, AWS provider 5.100.0). */
const ORIGINAL_STATE = path.join(REPO_ROOT, '__tests__', 'fixtures', 'original.tfstate');

/** The four resources that move from the original project to the stack (docs/migrating.md). */
const MOVED = [
  'aws_security_group.sample-ecr-privatelink',
  'aws_vpc_endpoint.sample-ecr-api',
  'aws_vpc_endpoint.sample-ecr-dkr',
  'aws_vpc_endpoint.sample-s3',
];

/** The addresses the endpoints in the state fixture have, by service and subnet. */
const CURRENT_ADDRESSES = {
  'ecr.api': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.171' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.46' } },
  'ecr.dkr': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.219' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.203' } },
};

/**
 * Changes after the move, each planned against the moved state: to the config (`overrides`), or to the
 * moved state (`editState`, e.g. a group renamed by hand before the move).
 */
const CHANGES: Record<
  string,
  { overrides?: Partial<EcrPrivateLinkStackProps>; editState?: (resource: TerraformState['resources'][number]) => void }
> = {
  further_service: { overrides: { interfaceServices: [InterfaceService.ECR_API, InterfaceService.ECR_DKR, InterfaceService.LOGS] } },
  least_privilege: { overrides: { leastPrivilegePolicies: true } },
  client_groups: { overrides: { clientSecurityGroupIds: ['sg-0a1b2c3d4e5f60021'] } },
  other_prefix: { overrides: { namePrefix: 'other' } },
  other_description: { overrides: { securityGroupDescription: 'ECR endpoints' } },
  name_tags: { overrides: { nameTags: true } },
  // Preflight off, as migrate-check plans: the example's fake VPC has no IPv6 blocks, which preflight would refuse.
  dual_stack: {
    overrides: { ipAddressType: 'dualstack', dnsRecordIpType: 'dualstack', s3GatewayIpAddressType: 'dualstack', preflight: false },
  },
  // The state's own addresses (the provider read them from the network interfaces into subnet_configuration).
  fixed_current_addresses: { overrides: { endpointAddresses: CURRENT_ADDRESSES } },
  fixed_new_address: {
    overrides: {
      endpointAddresses: {
        ...CURRENT_ADDRESSES,
        'ecr.api': { ...CURRENT_ADDRESSES['ecr.api'], 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.10' } },
      },
    },
  },
  renamed_group: {
    editState: (resource) => {
      if (resource.type === 'aws_security_group') {
        resource.instances[0].attributes.name = 'sample-ecr-endpoints';
      }
    },
  },
};

/** The module of the changes' configuration that is original.tf as it is, planned against the fixture as it is. */
const ORIGINAL = 'original';

/**
 * The state original.tf wrote, moved under the example stack with `terraform state mv`, as the README's
 * "Migrating" section says, planned by Terraform. The changes after the move are planned in one Terraform
 * run: each changed stack is a child module of one test configuration whose state holds the moved
 * resources once per module (see support/module-root.ts), and so is original.tf itself, whose state there
 * is the fixture as it is; the two chains of runs go side by side.
 */
describeWithTerraform('State compatibility with the original Terraform', (terraformFor) => {
  let movedApply: AppliedChanges;
  let refreshedPlan: PlanResult;
  let left: CommandResult;
  let changesPlan: PlannedChanges;

  /** The changes planned for module `name` of the changes' configuration, by address within it. */
  const changesOf = (name: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(changesPlan.changes)
        .filter(([address]) => address.startsWith(`module.${name}.`))
        .map(([address, action]) => [address.slice(`module.${name}.`.length), action]),
    );
  /**
   * migrate-check's report on module `name`'s plan: the script's own steps after its `terraform plan -json`
   * (plannedActions, then migrationReport), fed that plan's messages with the module's address prefix cut.
   */
  const migrateCheckReportOn = (name: string) => {
    const prefix = `module.${name}.`;
    const moduleUi = changesPlan.messages.flatMap((m) => {
      if (m.type === 'change_summary') {
        return [m];
      }
      const addr = m.change?.resource.addr;
      return m.type === 'planned_change' && addr?.startsWith(prefix)
        ? [{ ...m, change: { ...m.change!, resource: { ...m.change!.resource, addr: addr.slice(prefix.length) } } }]
        : [];
    });
    return migrationReport({
      stackName: 'sample',
      stateFile: 'original.tfstate',
      stackStatePath: 'terraform.sample.tfstate',
      stackResources: MOVED.map((address) => ({ address })),
      planned: plannedActions(moduleUi.map((m) => JSON.stringify(m)).join('\n')),
      otherAddresses: [],
      idsInState: {},
    });
  };
  const fixtureBefore = readFileSync(ORIGINAL_STATE);
  const fixture = JSON.parse(fixtureBefore.toString('utf8')) as TerraformState & { outputs: Record<string, unknown> };
  const originalOutputs = Object.keys(fixture.outputs);

  beforeAll(async () => {
    const terraform = terraformFor();
    const project = tempProject('state');
    copyFileSync(ORIGINAL_STATE, path.join(project, 'original.tfstate'));
    for (const address of MOVED) {
      await terraform.expect(
        [0],
        project,
        'state',
        'mv',
        '-state=original.tfstate',
        '-state-out=terraform.sample.tfstate',
        address,
        address,
      );
    }
    // With its address outputs on: outputs only, which change no resource (the example config as it is,
    // outputs off, is planned against the moved state by migrate-check's end-to-end run).
    const stack = synthInProject(project, { addressOutputs: true });
    const moved = JSON.parse(readFileSync(path.join(project, 'terraform.sample.tfstate'), 'utf8')) as TerraformState &
      Record<string, unknown>;

    const changes = tempProject('state-changes');
    for (const [name, { overrides = {} }] of Object.entries(CHANGES)) {
      synthModule([path.join(changes, 'modules', name)], overrides);
    }
    mkdirSync(path.join(changes, 'modules', ORIGINAL));
    copyFileSync(path.join(REPO_ROOT, 'reference', 'original.tf'), path.join(changes, 'modules', ORIGINAL, 'main.tf'));
    writeRoot(
      changes,
      [{ region: 'ap-northeast-1' }],
      Object.fromEntries([...Object.keys(CHANGES), ORIGINAL].map((name) => [name, { source: `./modules/${name}` }])),
      // original.tf's outputs, passed on under their own names: the fixture holds them as the root's.
      Object.fromEntries(originalOutputs.map((name) => [name, { value: `\${module.${ORIGINAL}.${name}}` }])),
    );
    writeFileSync(
      path.join(changes, 'terraform.tfstate'),
      JSON.stringify({
        ...moved,
        outputs: fixture.outputs,
        resources: [
          ...Object.entries(CHANGES).flatMap(([name, { editState }]) =>
            moved.resources.map((resource) => {
              const copy = structuredClone(resource);
              editState?.(copy);
              return { module: `module.${name}`, ...copy };
            }),
          ),
          ...fixture.resources.map((resource) => ({ module: `module.${ORIGINAL}`, ...structuredClone(resource) })),
        ],
      }),
    );

    await Promise.all([stack, changes].map((folder) => terraform.expect([0], folder, 'init', '-input=false')));
    await Promise.all([
      (async () => {
        // Planned and applied in one command (outputs only, no AWS call): its plan is what `plan` would say.
        movedApply = await terraform.applyChanges(stack, '-refresh=false');
        // With refresh: the provider reads the four back from the fake AWS, which holds what original.tf made.
        refreshedPlan = await terraform.plan(stack);
      })(),
      terraform.planChanges(changes, '-refresh=false').then((plan) => (changesPlan = plan)),
      terraform.expect([0], project, 'state', 'list', '-state=original.tfstate').then((result) => (left = result)),
    ]);
  });

  test("GIVEN the state fixture WHEN original.tf plans against it THEN nothing changes, its outputs neither (the fixture is that config's state)", () => {
    expect(changesOf(ORIGINAL)).toEqual({});
    expect(Object.fromEntries(originalOutputs.map((name) => [name, changesPlan.outputs[name]]))).toEqual(
      Object.fromEntries(originalOutputs.map((name) => [name, 'noop'])),
    );
    expect(fixture.resources.map((resource) => `${resource.type}.${resource.name}`)).toEqual(expect.arrayContaining(MOVED));
  });

  describe("GIVEN the four resources moved with `terraform state mv` into the example stack's state (its address outputs on)", () => {
    test('WHEN the stack is applied (no refresh) THEN its plan leaves all four unchanged, and only adds the new outputs', () => {
      expect(movedApply.changes).toEqual({});
      expect(new Set(Object.values(movedApply.outputs))).toEqual(new Set(['create']));
    });

    test('WHEN it is applied (outputs only, no AWS call) THEN the next plan, refreshing from AWS as original.tf left it, exits 0: no changes', () => {
      expect(refreshedPlan.exitCode).toBe(0);
      // Nothing "changed outside of Terraform" but the refresh's `tags = null` to `{}` (see below).
      const drift = (refreshedPlan.json.resource_drift ?? []) as {
        change: { before: Record<string, unknown>; after: Record<string, unknown> };
      }[];
      const withoutTags = ({ tags: _tags, tags_all: _tagsAll, ...rest }: Record<string, unknown>) => rest;
      for (const { change } of drift) {
        expect(withoutTags(change.after)).toEqual(withoutTags(change.before));
        expect(change.after.tags).toEqual({});
      }
      expect(movedApply.outputValues.ecr_dkr_endpoint_id.value).toBe('vpce-0a1b2c3d4e5f60006');
      expect(movedApply.outputValues.s3_prefix_list_id.value).toBe('pl-61a54008');
    });

    test("WHEN refreshed THEN every attribute Terraform read back from AWS is the fixture's", () => {
      const read = (
        refreshedPlan.json.prior_state as { values: { root_module: { resources: { address: string; values: Record<string, unknown> }[] } } }
      ).values.root_module.resources.filter((resource) => MOVED.includes(resource.address));
      const four = fixture.resources.filter((resource) => MOVED.includes(`${resource.type}.${resource.name}`));
      // A refresh turns `tags = null` into `{}`: the provider reads AWS's empty tag set. The same happened when
      // the fixture's own apply was refreshed against the mock it was made with.
      expect(Object.fromEntries(read.map((resource) => [resource.address, resource.values]))).toEqual(
        Object.fromEntries(
          four.map((resource) => [`${resource.type}.${resource.name}`, { ...resource.instances[0].attributes, tags: {} }]),
        ),
      );
    });

    test('WHEN the state was moved THEN the original project keeps its VPC, subnets and route table', () => {
      expect(left.stdout.trim().split('\n').sort()).toEqual([
        'aws_route_table.sample-private',
        'aws_route_table_association.sample-private[0]',
        'aws_route_table_association.sample-private[1]',
        'aws_subnet.sample-private-subnets[0]',
        'aws_subnet.sample-private-subnets[1]',
        'aws_vpc.sample',
      ]);
      expect(readFileSync(ORIGINAL_STATE)).toEqual(fixtureBefore);
    });

    test('WHEN a further interface service is added THEN it is created and the moved four stay unchanged', () => {
      expect(changesOf('further_service')).toEqual({ 'aws_vpc_endpoint.sample-logs': 'create' });
    });

    test('WHEN least-privilege policies are turned on THEN the endpoints are updated in place, never replaced, which migrate-check calls safe', () => {
      expect(changesOf('least_privilege')).toEqual({
        'aws_vpc_endpoint.sample-ecr-api': 'update',
        'aws_vpc_endpoint.sample-ecr-dkr': 'update',
        'aws_vpc_endpoint.sample-s3': 'update',
      });
      const report = migrateCheckReportOn('least_privilege');
      expect(report.text).toMatch(/^ {2}updated in place {2}aws_vpc_endpoint\.sample-s3$/m);
      expect(report.safe).toBe(true); // migrate-check exits 0
    });

    test('WHEN client security groups are added THEN the group is updated in place and only their rules are created', () => {
      expect(changesOf('client_groups')).toEqual({
        'aws_security_group.sample-ecr-privatelink': 'update',
        'aws_vpc_security_group_egress_rule.sample-sg-0a1b2c3d4e5f60021-to-endpoints': 'create',
        'aws_vpc_security_group_egress_rule.sample-sg-0a1b2c3d4e5f60021-to-s3': 'create',
      });
    });

    test('WHEN the name prefix differs THEN the check reports every resource destroyed and re-created', () => {
      expect(changesOf('other_prefix')).toEqual({
        ...Object.fromEntries(MOVED.map((address) => [address, 'delete'])),
        'aws_security_group.other-ecr-privatelink': 'create',
        'aws_vpc_endpoint.other-ecr-api': 'create',
        'aws_vpc_endpoint.other-ecr-dkr': 'create',
        'aws_vpc_endpoint.other-s3': 'create',
      });
    });

    test('WHEN the security group description differs THEN the check reports the group replaced', () => {
      expect(changesOf('other_description')).toMatchObject({
        'aws_security_group.sample-ecr-privatelink': 'replace',
        'aws_vpc_endpoint.sample-ecr-api': 'update',
      });
    });

    test("WHEN the old state's group has another name (renamed by hand) THEN the group would be replaced, which migrate-check calls not safe", () => {
      expect(changesOf('renamed_group')).toMatchObject({ 'aws_security_group.sample-ecr-privatelink': 'replace' });
      const report = migrateCheckReportOn('renamed_group');
      expect(report.text).toMatch(/^ {2}REPLACED +aws_security_group\.sample-ecr-privatelink$/m);
      expect(report.text).toContain('aws_security_group.sample-ecr-privatelink would be REPLACED');
      expect(report.safe).toBe(false); // migrate-check exits 1
    });

    test('WHEN Name tags are turned on (opt-in) THEN all four are updated in place, which migrate-check calls safe', () => {
      expect(changesOf('name_tags')).toEqual(Object.fromEntries(MOVED.map((address) => [address, 'update'])));
      expect(new Set(Object.values(changesOf('name_tags')).map((action) => verdictOf([action])))).toEqual(new Set(['updated in place']));
    });

    test('WHEN the endpoints go dual-stack (and the S3 gateway) THEN they are updated in place, never replaced', () => {
      // The group is absent: a planned_change message is only written for a change, so it stays a no-op.
      expect(changesOf('dual_stack')).toEqual({
        'aws_vpc_endpoint.sample-ecr-api': 'update',
        'aws_vpc_endpoint.sample-ecr-dkr': 'update',
        'aws_vpc_endpoint.sample-s3': 'update',
      });
    });

    test('WHEN the addresses the endpoints already have are fixed THEN nothing changes; new addresses update the endpoint in place', () => {
      expect(changesOf('fixed_current_addresses')).toEqual({});
      expect(changesOf('fixed_new_address')).toEqual({ 'aws_vpc_endpoint.sample-ecr-api': 'update' });
    });

    test("WHEN applied with address outputs on THEN they list the article's network interface addresses, with no resource changed", () => {
      expect(movedApply.changes).toEqual({});
      expect(movedApply.outputValues.ecr_api_addresses.value).toEqual({
        'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.171', ipv6: '' },
        'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.46', ipv6: '' },
      });
      expect((movedApply.outputValues.ecr_dkr_addresses.value as Record<string, unknown>)['subnet-0a1b2c3d4e5f60002']).toEqual({
        ipv4: '10.0.1.203',
        ipv6: '',
      });
    });
  });
});
