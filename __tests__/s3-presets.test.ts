import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Testing, TerraformStack } from 'cdktf';
import { Acknowledgements } from '../lib/checks/acknowledgements';
import { ACKNOWLEDGEABLE_RULE_IDS, ALL_RULES } from '../lib/checks/ecr-private-link-checks';
import { exampleStack, synthExample } from './support/example-stack';

/** Synth warnings of a stack (the example config acknowledges the S3 interruption). */
function warnings(stack: TerraformStack): string[] {
  Testing.synth(stack);
  return stack.node
    .findAll()
    .flatMap((node) => node.node.metadata)
    .filter((entry) => entry.type === '@cdktf/warn')
    .map((entry) => String(entry.data));
}

const REPOS = 'S3PolicyDeniesPackageRepos';

describe('S3 gateway presets for least privilege', () => {
  describe('GIVEN least privilege with both Amazon Linux presets', () => {
    const synthesized = synthExample({ leastPrivilegePolicies: true, s3GatewayPresets: ['amazon-linux-2', 'amazon-linux-2023'] });

    test("THEN the gateway policy lets through GetObject on the region's repository buckets, after ECR's layers", () => {
      expect(synthesized).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
        statement: [
          expect.objectContaining({ sid: 'EcrImageLayers' }),
          expect.objectContaining({
            sid: 'AmazonLinux2Repositories',
            actions: ['s3:GetObject'],
            principals: [{ type: '*', identifiers: ['*'] }],
            resources: ['arn:aws:s3:::amazonlinux.ap-northeast-1.amazonaws.com/*', 'arn:aws:s3:::amazonlinux-2-repos-ap-northeast-1/*'],
          }),
          expect.objectContaining({
            sid: 'AmazonLinux2023Repositories',
            actions: ['s3:GetObject'],
            resources: ['arn:aws:s3:::al2023-repos-ap-northeast-1-de612dc2/*'],
          }),
        ],
      });
      expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
        vpc_endpoint_type: 'Gateway',
        policy: '${data.aws_iam_policy_document.sample-s3-gateway-policy.json}',
      });
    });

    test('THEN synth does not warn of denied repositories', () => {
      expect(warnings(exampleStack({ leastPrivilegePolicies: true, s3GatewayPresets: ['amazon-linux-2023'] }))).toEqual([]);
    });
  });

  describe('GIVEN least privilege without a preset', () => {
    test('THEN synth warns, once, what the gateway will deny: the repository buckets of the region, and how to allow them', () => {
      expect(warnings(exampleStack({ leastPrivilegePolicies: true }))).toEqual([
        `[${REPOS}] the policy of aws_vpc_endpoint.sample-s3 lets through only arn:aws:s3:::prod-ap-northeast-1-starport-layer-bucket/*: ` +
          'every other S3 request from route tables rtb-0a1b2c3d4e5f60003 is denied, including package installs and updates on Amazon Linux ' +
          '(the Amazon Linux 2 yum repositories: arn:aws:s3:::amazonlinux.ap-northeast-1.amazonaws.com/*, arn:aws:s3:::amazonlinux-2-repos-ap-northeast-1/*; ' +
          'the Amazon Linux 2023 dnf repositories: arn:aws:s3:::al2023-repos-ap-northeast-1-de612dc2/*); ' +
          'add "s3GatewayPresets": ["amazon-linux-2023"] (or "amazon-linux-2") for the hosts you run, ' +
          'or acknowledge this if no host behind them runs Amazon Linux ("acknowledge": {"S3PolicyDeniesPackageRepos": "<why>"})',
      ]);
    });

    test('AND the repository bucket listed in extraS3BucketArns THEN it does not warn', () => {
      const stack = exampleStack({
        leastPrivilegePolicies: true,
        extraS3BucketArns: ['arn:aws:s3:::al2023-repos-ap-northeast-1-de612dc2'],
      });
      expect(warnings(stack)).toEqual([]);
    });

    test('AND acknowledged in the config THEN it prints nothing', () => {
      const stack = exampleStack({
        leastPrivilegePolicies: true,
        acknowledge: { S3GatewayInterruption: 'exists', [REPOS]: 'Bottlerocket nodes only' },
      });
      expect(warnings(stack)).toEqual([]);
    });
  });

  test('GIVEN no least privilege (AWS allows everything) THEN it does not warn', () => {
    expect(warnings(exampleStack())).toEqual([]);
  });

  test('GIVEN a gateway policy set by override to JSON allowing only ECR layers THEN it warns; allowing al2023-repos-* THEN not', () => {
    const narrow = (resource: string) => {
      const stack = exampleStack();
      stack.privateLink.s3Gateway.resource.addOverride(
        'policy',
        JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: resource }] }),
      );
      return warnings(stack);
    };
    expect(narrow('arn:aws:s3:::prod-ap-northeast-1-starport-layer-bucket/*')).toEqual([expect.stringContaining(`[${REPOS}]`)]);
    expect(narrow('arn:aws:s3:::al2023-repos-*/*')).toEqual([]);
  });

  test('GIVEN a policy it cannot read (NotResource) THEN it does not judge', () => {
    const stack = exampleStack();
    stack.privateLink.s3Gateway.resource.addOverride(
      'policy',
      JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', NotResource: 'arn:aws:s3:::secret/*' }] }),
    );
    expect(warnings(stack)).toEqual([]);
  });

  test('GIVEN a China region THEN presets are refused (no documented buckets) and the warning points to extraS3BucketArns', () => {
    expect(() => exampleStack({ region: 'cn-north-1', leastPrivilegePolicies: true, s3GatewayPresets: ['amazon-linux-2023'] })).toThrow(
      's3GatewayPresets[0]: "amazon-linux-2023" has no documented buckets in partition "aws-cn" (cn-north-1), only in "aws"; list the buckets in extraS3BucketArns instead',
    );
    expect(warnings(exampleStack({ region: 'cn-north-1', leastPrivilegePolicies: true }))).toEqual([
      expect.stringContaining(
        "including the Amazon Linux package repositories (yum/dnf); list the repositories' buckets of your region in extraS3BucketArns",
      ),
    ]);
  });

  test('THEN the rule is registered and can be acknowledged', () => {
    expect(ALL_RULES.map((rule) => rule.id)).toContain(REPOS);
    expect(ACKNOWLEDGEABLE_RULE_IDS).toContain(REPOS);
  });

  test('GIVEN the rule acknowledged in TypeScript on the stack THEN it prints nothing', () => {
    const stack = exampleStack({ leastPrivilegePolicies: true });
    Acknowledgements.of(stack).add(REPOS, 'no Amazon Linux hosts');
    expect(warnings(stack)).toEqual([]);
  });
});
