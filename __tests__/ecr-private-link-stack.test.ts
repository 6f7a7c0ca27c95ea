import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Testing } from 'cdktf';
import { InterfaceService } from '../lib/naming/interface-service';
import { AWS_PROVIDER_VERSION } from '../lib/provider-version';
import { EcrPrivateLinkStack } from '../stacks/ecr-private-link-stack';
import { stackRelativeStatePath } from '../stacks/state-backend';
import { exampleStackProps, synthExample, synthExampleJson } from './support/example-stack';

describe('EcrPrivateLinkStack', () => {
  describe('GIVEN the example config WHEN synthesized', () => {
    const synthesized = synthExample();
    const json = JSON.parse(synthesized);

    test("THEN the AWS provider is configured for the stack's region", () => {
      expect(synthesized).toHaveProviderWithProperties(AwsProvider, { region: 'ap-northeast-1' });
    });

    test('THEN the provider version is pinned to exactly the one @cdktf/provider-aws was generated from', () => {
      const provider = new AwsProvider(new EcrPrivateLinkStack(Testing.app(), 's', exampleStackProps()), 'probe', {});
      expect(provider.terraformGeneratorMetadata?.providerVersion).toBe(AWS_PROVIDER_VERSION);
      expect(json.terraform.required_providers.aws.version).toBe(AWS_PROVIDER_VERSION);
    });

    test("THEN outputs give each endpoint's ID and DNS entries, the security group and the S3 prefix list", () => {
      expect(json.output).toEqual({
        ecr_api_endpoint_id: expect.objectContaining({ value: '${aws_vpc_endpoint.sample-ecr-api.id}' }),
        ecr_api_dns_entries: expect.objectContaining({ value: '${aws_vpc_endpoint.sample-ecr-api.dns_entry}' }),
        ecr_dkr_endpoint_id: expect.objectContaining({ value: '${aws_vpc_endpoint.sample-ecr-dkr.id}' }),
        ecr_dkr_dns_entries: expect.objectContaining({ value: '${aws_vpc_endpoint.sample-ecr-dkr.dns_entry}' }),
        endpoint_security_group_id: expect.objectContaining({ value: '${aws_security_group.sample-ecr-privatelink.id}' }),
        s3_gateway_endpoint_id: expect.objectContaining({ value: '${aws_vpc_endpoint.sample-s3.id}' }),
        s3_prefix_list_id: expect.objectContaining({ value: '${aws_vpc_endpoint.sample-s3.prefix_list_id}' }),
      });
    });

    test('THEN the local state path is relative, pointing from the stack folder back to the project', () => {
      const statePath: string = json.terraform.backend.local.path;
      expect(statePath).not.toMatch(/^\//);
      expect(statePath).toMatch(/(^|\/)terraform\.sample\.tfstate$/);
    });
  });

  describe('GIVEN further interface services', () => {
    test('THEN each gets its own ID and DNS outputs', () => {
      const json = synthExampleJson({
        interfaceServices: [InterfaceService.ECR_API, InterfaceService.ECR_DKR, InterfaceService.of('secretsmanager')],
      });
      expect(json.output.secretsmanager_endpoint_id.value).toBe('${aws_vpc_endpoint.sample-secretsmanager.id}');
      expect(json.output.secretsmanager_dns_entries.value).toBe('${aws_vpc_endpoint.sample-secretsmanager.dns_entry}');
    });
  });

  describe('GIVEN an S3 backend', () => {
    const s3 = {
      type: 's3',
      bucket: 'tf-state-123',
      key: 'ecr/sample.tfstate',
      region: 'ap-northeast-1',
      encrypt: true,
      useLockfile: true,
    } as const;

    test('THEN state is encrypted and locked with the S3 lock file by default', () => {
      expect(synthExampleJson({ backend: s3 }).terraform.backend).toEqual({
        s3: { bucket: 'tf-state-123', key: 'ecr/sample.tfstate', region: 'ap-northeast-1', encrypt: true, use_lockfile: true },
      });
    });

    test('AND a DynamoDB table, a role and a profile THEN they are passed on (the role as assume_role)', () => {
      const backend = synthExampleJson({
        backend: { ...s3, useLockfile: false, dynamodbTable: 'tf-locks', roleArn: 'arn:aws:iam::123456789012:role/state', profile: 'ops' },
      }).terraform.backend.s3;
      expect(backend).toEqual({
        bucket: 'tf-state-123',
        key: 'ecr/sample.tfstate',
        region: 'ap-northeast-1',
        encrypt: true,
        dynamodb_table: 'tf-locks',
        profile: 'ops',
        assume_role: { role_arn: 'arn:aws:iam::123456789012:role/state' },
      });
    });
  });

  describe('GIVEN an HCP Terraform backend', () => {
    test('THEN the stack runs in the named workspace of the organization', () => {
      const json = synthExampleJson({ backend: { type: 'cloud', organization: 'acme', workspace: 'ecr-privatelink-prod' } });
      expect(json.terraform.cloud).toEqual({ organization: 'acme', workspaces: { name: 'ecr-privatelink-prod' } });
      expect(json.terraform.backend).toBeUndefined();
    });
  });

  describe('stackRelativeStatePath', () => {
    test.each([
      ['cdktf.out', 'sample', 'terraform.sample.tfstate', '../../../terraform.sample.tfstate'],
      ['cdktf.out', 'prod', 'state/prod.tfstate', '../../../state/prod.tfstate'],
      ['/project/build/out', 'sample', 'terraform.sample.tfstate', '../../../../terraform.sample.tfstate'],
    ])('GIVEN outdir %s and stack %s WHEN the state is %s THEN the stack folder sees it at %s', (outdir, stack, state, expected) => {
      expect(stackRelativeStatePath(outdir, stack, '/project', state)).toBe(expected);
    });
  });
});
