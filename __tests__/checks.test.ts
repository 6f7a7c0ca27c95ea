import { existsSync, mkdtempSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { App, Aspects, LocalBackend, Testing, TerraformStack } from 'cdktf';
import { Acknowledgements } from '../lib/checks/acknowledgements';
import { EcrPrivateLinkChecks } from '../lib/checks/ecr-private-link-checks';
import { EcrPrivateLinkStack } from '../stacks/ecr-private-link-stack';
import { synthAllOrNothing } from '../stacks/synth-all-or-nothing';
import { exampleStack, exampleStackProps } from './support/example-stack';

/** Annotations of a stack after its aspects ran, as "level: message". */
function annotations(stack: TerraformStack): string[] {
  Testing.synth(stack);
  return stack.node
    .findAll()
    .flatMap((node) => node.node.metadata)
    .filter((entry) => entry.type.startsWith('@cdktf/'))
    .map((entry) => `${entry.type.replace('@cdktf/', '')}: ${entry.data}`);
}

const errorsOf = (stack: TerraformStack): string[] => annotations(stack).filter((a) => a.startsWith('error: '));

/** A bare stack with only the checks, for resources the ECR construct would never make. */
function bareStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'bare');
  Aspects.of(stack).add(new EcrPrivateLinkChecks());
  return stack;
}

const interfaceEndpoint = (stack: TerraformStack, id: string, service: string) =>
  new VpcEndpoint(stack, id, {
    vpcId: 'vpc-12345678',
    serviceName: `com.amazonaws.ap-northeast-1.${service}`,
    vpcEndpointType: 'Interface',
    privateDnsEnabled: true,
  });

describe('EcrPrivateLinkChecks', () => {
  describe('GIVEN the example stack', () => {
    const found = annotations(exampleStack());

    test('THEN there is no error', () => {
      expect(found.filter((a) => a.startsWith('error'))).toEqual([]);
    });

    test('THEN synth prints no warning: preflight proves the VPC DNS and AZ rules, and the example acknowledges the S3 interruption', () => {
      expect(found).toEqual([]);
    });
  });

  describe('GIVEN the example without preflight and without its acknowledgement', () => {
    const found = annotations(exampleStack({ preflight: false, acknowledge: undefined }));

    test('THEN synth warns of the S3 connection interruption, the VPC DNS attributes, and one subnet per AZ', () => {
      expect(found).toHaveLength(3);
      expect(found).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^warn: \[S3GatewayInterruption\] creating aws_vpc_endpoint\.sample-s3 briefly interrupts existing S3 connections .*rtb-0a1b2c3d4e5f60003/,
          ),
          expect.stringMatching(/^warn: \[PrivateDnsNeedsVpcDns\] .*enableDnsSupport and enableDnsHostnames on VPC vpc-0a1b2c3d4e5f60718/),
          expect.stringMatching(/^warn: \[OneSubnetPerAz\] .*subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002 are in distinct AZs/),
        ]),
      );
    });
  });

  test('GIVEN ecr.dkr without private DNS (an override) THEN synth errors, naming the resource', () => {
    const stack = exampleStack();
    stack.privateLink.interfaceEndpoints[1].resource.addOverride('private_dns_enabled', false);
    expect(errorsOf(stack)).toEqual([
      expect.stringContaining('[EcrDkrPrivateDns] aws_vpc_endpoint.sample-ecr-dkr (ecr.dkr) needs private_dns_enabled = true'),
    ]);
  });

  describe('GIVEN a hub (ecr.dkr without private DNS, its zone standing in)', () => {
    const hub = () => exampleStack({ hub: {}, acknowledge: { S3GatewayInterruption: 'test' } });
    const record = (stack: TerraformStack, name: string) =>
      stack.node.findAll().find((node) => node instanceof Route53Record && node.friendlyUniqueId === name) as Route53Record;

    test('THEN EcrDkrPrivateDns accepts it: the wildcard zone in its VPC covers the registry names', () => {
      expect(errorsOf(hub())).toEqual([]);
    });

    test.each<[string, (stack: TerraformStack) => void]>([
      [
        'without the wildcard record',
        (stack) => record(stack, 'sample-ecr-dkr-wildcard').addOverride('name', 'x.dkr.ecr.ap-northeast-1.amazonaws.com'),
      ],
      [
        'with the wildcard aliased elsewhere',
        (stack) => record(stack, 'sample-ecr-dkr-wildcard').addOverride('alias.name', 'other.example.com'),
      ],
      [
        'with the zone in another VPC',
        (stack) => (stack as EcrPrivateLinkStack).privateLink.hubPrivateDns!.zones[1].resource.putVpc([{ vpcId: 'vpc-0fedcba987654321f' }]),
      ],
    ])('%s THEN EcrDkrPrivateDns errors, naming the zone the endpoint needs', (_, breakIt) => {
      const stack = hub();
      breakIt(stack);
      expect(errorsOf(stack)).toEqual([
        expect.stringContaining(
          '[EcrDkrPrivateDns] aws_vpc_endpoint.sample-ecr-dkr (ecr.dkr) needs private_dns_enabled = true, or, in a hub, a private hosted zone dkr.ecr.ap-northeast-1.amazonaws.com in its VPC with a wildcard alias record to it',
        ),
      ]);
    });
  });

  test.each([
    [
      'an ingress rule resource from 0.0.0.0/0',
      (s: TerraformStack) =>
        new VpcSecurityGroupIngressRule(s, 'open', { securityGroupId: 'sg-12345678', cidrIpv4: '0.0.0.0/0', ipProtocol: '-1' }),
      '0.0.0.0/0',
    ],
    [
      'an inline rule from ::/0',
      (s: TerraformStack) =>
        new SecurityGroup(s, 'open', { ingress: [{ fromPort: 443, toPort: 443, protocol: 'tcp', ipv6CidrBlocks: ['::/0'] }] }),
      '::/0',
    ],
  ])('GIVEN %s THEN synth errors', (_, add, cidr) => {
    const stack = bareStack();
    add(stack);
    expect(errorsOf(stack)).toEqual([expect.stringContaining(`[NoWorldOpenIngress] `)]);
    expect(errorsOf(stack)[0]).toContain(`lets ${cidr} in`);
  });

  test('GIVEN ECR endpoints without an S3 gateway THEN synth errors for each', () => {
    const stack = bareStack();
    interfaceEndpoint(stack, 'api', 'ecr.api');
    interfaceEndpoint(stack, 'dkr', 'ecr.dkr');
    expect(errorsOf(stack)).toEqual([
      expect.stringContaining('[S3GatewayForEcr] aws_vpc_endpoint.api has no S3 gateway endpoint'),
      expect.stringContaining('[S3GatewayForEcr] aws_vpc_endpoint.dkr has no S3 gateway endpoint'),
    ]);
  });

  test('GIVEN a second S3 gateway on one of the route tables THEN synth errors, naming both', () => {
    const stack = exampleStack();
    new VpcEndpoint(stack, 'another-s3', {
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      serviceName: 'com.amazonaws.ap-northeast-1.s3',
      routeTableIds: ['rtb-0a1b2c3d4e5f60003'],
    });
    expect(errorsOf(stack)).toEqual([
      expect.stringContaining(
        '[OneGatewayPerRouteTable] aws_vpc_endpoint.another-s3 and aws_vpc_endpoint.sample-s3 both put com.amazonaws.ap-northeast-1.s3 on route table rtb-0a1b2c3d4e5f60003',
      ),
    ]);
  });

  test('GIVEN the aspect invoked twice THEN each finding is reported once', () => {
    const stack = exampleStack({ preflight: false, acknowledge: undefined });
    Testing.synth(stack);
    expect(annotations(stack)).toHaveLength(3);
  });

  test('GIVEN S3GatewayInterruption acknowledged in TypeScript on a scope above the gateway THEN it prints nothing, and the others still print', () => {
    const stack = exampleStack({ preflight: false, acknowledge: undefined });
    Acknowledgements.of(stack.privateLink).add('S3GatewayInterruption', 'gateway exists since 2024-05');
    expect(
      annotations(stack)
        .map((a) => /\[(\w+)\]/.exec(a)?.[1])
        .sort(),
    ).toEqual(['OneSubnetPerAz', 'PrivateDnsNeedsVpcDns']);
  });

  test('GIVEN an acknowledgement without a reason THEN it is refused', () => {
    expect(() => Acknowledgements.of(exampleStack()).add('S3GatewayInterruption', ' ')).toThrow('needs a reason');
  });

  test('GIVEN the S3 gateway adopted (imported, not created) THEN nothing warns of an interruption', () => {
    const found = annotations(exampleStack({ acknowledge: undefined, adopt: { s3: 'vpce-0a1b2c3d4e5f60006' } }));
    expect(found).toEqual([]);
  });

  test('GIVEN a rule that throws THEN synth reports a finding naming the rule instead of crashing', () => {
    const stack = bareStack();
    Aspects.of(stack).add(
      new EcrPrivateLinkChecks([
        {
          id: 'Broken',
          level: 'error',
          check: () => {
            throw new Error('boom');
          },
        },
      ]),
    );
    expect(errorsOf(stack)).toEqual([expect.stringMatching(/^error: \[Broken\] the rule failed \(boom\)/)]);
  });

  test('GIVEN list arguments that are tokens (references) THEN the rules skip them instead of iterating the string', () => {
    const stack = bareStack();
    const other = new VpcEndpoint(stack, 'other', {
      vpcId: 'vpc-12345678',
      serviceName: 'com.amazonaws.ap-northeast-1.s3',
      routeTableIds: ['rtb-12345678'],
    });
    new VpcEndpoint(stack, 'gateway', {
      vpcId: 'vpc-12345678',
      serviceName: 'com.amazonaws.ap-northeast-1.s3',
      routeTableIds: other.routeTableIds,
    });
    new SecurityGroup(stack, 'group', { vpcId: 'vpc-12345678', ingress: other.routeTableIds as never });
    expect(errorsOf(stack)).toEqual([]);
  });
});

describe('synthAllOrNothing', () => {
  test('GIVEN two stacks, the second with an error THEN nothing is written and the error is returned', () => {
    const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-checks-')), 'out');
    const app = new App({ outdir, stackTraces: false });
    new EcrPrivateLinkStack(app, 'good', exampleStackProps());
    const bad = new EcrPrivateLinkStack(app, 'bad', exampleStackProps());
    bad.privateLink.interfaceEndpoints[1].resource.addOverride('private_dns_enabled', false);

    const errors = synthAllOrNothing(app);

    expect(errors).toEqual([expect.stringMatching(/^\[bad\/EcrPrivateLink\/ecr\.dkr\/Resource\] \[EcrDkrPrivateDns\]/)]);
    // The App makes its (empty) output folders when created; no stack and no manifest are written.
    expect(readdirSync(path.join(outdir, 'stacks'))).toEqual([]);
    expect(existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
  });

  test('GIVEN stacks without errors THEN all are written', () => {
    const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'ecr-privatelink-checks-')), 'out');
    const app = new App({ outdir, stackTraces: false });
    new EcrPrivateLinkStack(app, 'one', exampleStackProps());
    const two = new TerraformStack(app, 'two');
    new LocalBackend(two, { path: 'two.tfstate' });

    expect(synthAllOrNothing(app)).toEqual([]);
    expect(existsSync(path.join(outdir, 'stacks', 'one', 'cdk.tf.json'))).toBe(true);
    expect(existsSync(path.join(outdir, 'stacks', 'two', 'cdk.tf.json'))).toBe(true);
  });
});
