import { DataAwsSubnet } from '@cdktf/provider-aws/lib/data-aws-subnet';
import { DataAwsVpc } from '@cdktf/provider-aws/lib/data-aws-vpc';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, Testing, TerraformIterator, TerraformStack } from 'cdktf';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Lookup } from '../lib/constructs/lookup';

const stackWithProvider = (): TerraformStack => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'ap-northeast-1' });
  return stack;
};

describe('Lookup', () => {
  test('GIVEN a type, arguments and a name THEN it is that data source under that name, and says its address', () => {
    const stack = stackWithProvider();
    const vpc = new Lookup(stack, 'Vpc', { type: 'aws_vpc', args: { id: 'vpc-1' }, name: 'sample-preflight-vpc' });
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveDataSourceWithProperties(DataAwsVpc, { id: 'vpc-1' });
    expect(Object.keys(JSON.parse(synthesized).data.aws_vpc)).toEqual(['sample-preflight-vpc']);
    expect(vpc.address).toBe('data.aws_vpc.sample-preflight-vpc');
  });

  test('GIVEN forEach over IDs THEN it is one data source with for_each, each instance looked up by its ID', () => {
    const stack = stackWithProvider();
    const ids = TerraformIterator.fromList(['subnet-1', 'subnet-2']);
    const subnets = new Lookup(stack, 'Subnets', { type: 'aws_subnet', args: { id: ids.value }, forEach: ids });
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataAwsSubnet, {
      for_each: '${toset(["subnet-1", "subnet-2"])}',
      id: '${each.value}',
    });
    expect(subnets.address).toMatch(/^data\.aws_subnet\.[\w-]+$/);
  });

  test('GIVEN a stack without the AWS provider WHEN synthesized THEN cdktf refuses it, as for generated data sources', () => {
    const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'lookup-')) });
    new Lookup(new TerraformStack(app, 'stack'), 'Vpc', { type: 'aws_vpc', args: { id: 'vpc-1' } });
    expect(() => app.synth()).toThrow(/without a matching provider construct.*aws/s);
  });
});
