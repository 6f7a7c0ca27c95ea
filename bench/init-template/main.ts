// The ECR PrivateLink stack written the way a `cdktf init --template=typescript` project writes it: one
// file, imports from the package roots of `cdktf` and `@cdktf/provider-aws`, run by `npx ts-node main.ts`
// (the template's cdktf.json "app"), which type-checks on every synth. scripts/bench.js times it next to
// our app; it is not part of the app or its tests. The example config is read without validation.
import { readFileSync } from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { provider, securityGroup, vpcEndpoint } from '@cdktf/provider-aws';

interface StackConfig {
  name: string;
  region: string;
  namePrefix: string;
  vpcId: string;
  privateSubnetIds: string[];
  privateRouteTableIds: string[];
  allowedCidrBlocks: string[];
  interfaceServices?: string[];
  backend: { type: 'local'; path: string };
}

class EcrPrivateLinkStack extends TerraformStack {
  constructor(scope: Construct, id: string, config: StackConfig) {
    super(scope, id);
    const prefix = config.namePrefix;
    new provider.AwsProvider(this, 'aws', { region: config.region });
    this.addOverride('terraform.required_providers.aws.version', '5.100.0');
    new LocalBackend(this, { path: config.backend.path });

    const group = new securityGroup.SecurityGroup(this, 'SecurityGroup', {
      name: `${prefix}-ecr-privatelink`,
      description: 'ECR PrivateLink endpoints: HTTPS from inside the VPC',
      vpcId: config.vpcId,
      ingress: [
        {
          description: 'HTTPS from the VPC',
          fromPort: 443,
          toPort: 443,
          protocol: 'tcp',
          cidrBlocks: config.allowedCidrBlocks,
        },
      ],
    });
    group.overrideLogicalId(`${prefix}-ecr-privatelink`);

    // The app's default when the config lists none: the article's pair.
    for (const service of config.interfaceServices ?? ['ecr.api', 'ecr.dkr']) {
      const endpoint = new vpcEndpoint.VpcEndpoint(this, service, {
        serviceName: `com.amazonaws.${config.region}.${service}`,
        vpcEndpointType: 'Interface',
        vpcId: config.vpcId,
        subnetIds: config.privateSubnetIds,
        securityGroupIds: [group.id],
        privateDnsEnabled: true,
      });
      endpoint.overrideLogicalId(`${prefix}-${service.replace(/\./g, '-')}`);
      const stem = service.replace(/[.-]/g, '_');
      new TerraformOutput(this, `${stem}_endpoint_id`, { value: endpoint.id });
      new TerraformOutput(this, `${stem}_dns_entries`, { value: endpoint.dnsEntry });
    }

    const s3 = new vpcEndpoint.VpcEndpoint(this, 'S3Gateway', {
      serviceName: `com.amazonaws.${config.region}.s3`,
      vpcEndpointType: 'Gateway',
      vpcId: config.vpcId,
      routeTableIds: config.privateRouteTableIds,
    });
    s3.overrideLogicalId(`${prefix}-s3`);

    new TerraformOutput(this, 'endpoint_security_group_id', { value: group.id });
    new TerraformOutput(this, 's3_gateway_endpoint_id', { value: s3.id });
    new TerraformOutput(this, 's3_prefix_list_id', { value: s3.prefixListId });
  }
}

const configFile = path.join(__dirname, '..', '..', 'config', 'example.json');
const config: { stacks: StackConfig[] } = JSON.parse(readFileSync(configFile, 'utf8'));

const app = new App();
for (const stack of config.stacks) {
  new EcrPrivateLinkStack(app, stack.name, stack);
}
app.synth();
