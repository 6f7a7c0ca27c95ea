import { DUAL_STACK_WORLD, EXAMPLE_WORLD, IPV6_ONLY_WORLD } from '../../support/fake-aws';
import { moduleChanges, moduleDiagnostics, synthModule } from '../../support/module-root';
import { optionVariant } from '../../support/option-matrix';
import { moduleConfiguration } from './module-plan';
import { moduleSource } from '../../support/shared-root';
import { PlanTopic } from './plan-topic';

/**
 * The dual-stack / IPv6 / fixed-address / Name-tag / S3-preset options against AWS that can host them:
 * what provider 5.100.0 plans for them, attribute by attribute.
 */

const DUAL_STACK = 'options_dual_stack';
const IPV6_ONLY = 'options_ipv6_only';
const FIXED_IPV4 = 'options_fixed_ipv4';
const ADDRESS_OUTPUTS = ['ecr_api_addresses', 'ecr_dkr_addresses'];

export const exampleOptionPlans: PlanTopic = {
  addModules({ passing }) {
    synthModule([passing.moduleFolder(DUAL_STACK)], {
      ...optionVariant('dual_stack').overrides,
      nameTags: true,
      leastPrivilegePolicies: true,
      s3GatewayPresets: ['amazon-linux-2', 'amazon-linux-2023'],
    });
    passing.add(DUAL_STACK, { world: DUAL_STACK_WORLD, outputs: ADDRESS_OUTPUTS });
    synthModule([passing.moduleFolder(IPV6_ONLY)], {
      ipAddressType: 'ipv6',
      dnsRecordIpType: 'ipv6',
      endpointAddresses: {
        'ecr.api': {
          'subnet-0a1b2c3d4e5f60001': { ipv6: '2600:1f18:4d3:5e00::10' },
          'subnet-0a1b2c3d4e5f60002': { ipv6: '2600:1f18:4d3:5e01::10' },
        },
      },
    });
    passing.add(IPV6_ONLY, { world: IPV6_ONLY_WORLD });
    synthModule([passing.moduleFolder(FIXED_IPV4)], {
      endpointAddresses: {
        'ecr.api': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.10' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.10' } },
        'ecr.dkr': { 'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.11' }, 'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.11' } },
      },
      addressOutputs: true,
      nameTags: true,
    });
    passing.add(FIXED_IPV4, { world: EXAMPLE_WORLD });
  },

  declareTests(suite) {
    const plan = () => suite().plans.passing;
    const changes = (module: string) => moduleChanges(plan().json, module) as Record<string, { actions: string[]; after: any }>;
    const diagnostics = (module: string) => moduleDiagnostics(plan().messages, moduleSource(module));

    describe('The endpoint options, planned against AWS that can host them', () => {
      test('GIVEN dual-stack endpoints with fixed addresses, IPv6 clients, a dual-stack S3 gateway, Name tags and the Amazon Linux presets WHEN planned against a dual-stack VPC THEN provider 5.100.0 takes every argument, preflight passes, and the four resources are created as configured', () => {
        expect(diagnostics(DUAL_STACK)).toEqual([]);
        const planned = changes(DUAL_STACK);
        expect(Object.entries(planned).map(([address, change]) => [address, change.actions.join()])).toEqual([
          ['aws_security_group.sample-ecr-privatelink', 'create'],
          ['aws_vpc_endpoint.sample-ecr-api', 'create'],
          ['aws_vpc_endpoint.sample-ecr-dkr', 'create'],
          ['aws_vpc_endpoint.sample-s3', 'create'],
        ]);
        const dkr = planned['aws_vpc_endpoint.sample-ecr-dkr'].after;
        expect(dkr).toMatchObject({ ip_address_type: 'dualstack', tags: { Name: 'sample-ecr-dkr' } });
        expect(dkr.dns_options).toEqual([expect.objectContaining({ dns_record_ip_type: 'service-defined' })]);
        expect(dkr.subnet_configuration).toEqual(
          expect.arrayContaining([
            { subnet_id: 'subnet-0a1b2c3d4e5f60001', ipv4: '10.0.0.11', ipv6: '2600:1f18:4d3:5e00::11' },
            { subnet_id: 'subnet-0a1b2c3d4e5f60002', ipv4: '10.0.1.11', ipv6: '2600:1f18:4d3:5e01::11' },
          ]),
        );
        const s3 = planned['aws_vpc_endpoint.sample-s3'].after;
        expect(s3).toMatchObject({ ip_address_type: 'dualstack', tags: { Name: 'sample-s3' } });
        expect(JSON.parse(s3.policy).Statement.map((statement: { Sid: string }) => statement.Sid)).toEqual([
          'EcrImageLayers',
          'AmazonLinux2Repositories',
          'AmazonLinux2023Repositories',
        ]);
        expect(planned['aws_security_group.sample-ecr-privatelink'].after.ingress).toEqual([
          expect.objectContaining({ cidr_blocks: ['10.0.0.0/16'], ipv6_cidr_blocks: ['2600:1f18:4d3:5e00::/56'] }),
        ]);
        // Fixed addresses are known at plan time; the others only once AWS has picked them.
        const outputs = plan().json.output_changes ?? {};
        expect(outputs[`${DUAL_STACK}_ecr_dkr_addresses`]).toMatchObject({
          actions: ['create'],
          after: {
            'subnet-0a1b2c3d4e5f60001': { ipv4: '10.0.0.11', ipv6: '2600:1f18:4d3:5e00::11' },
            'subnet-0a1b2c3d4e5f60002': { ipv4: '10.0.1.11', ipv6: '2600:1f18:4d3:5e01::11' },
          },
        });
        expect(outputs[`${DUAL_STACK}_ecr_api_addresses`]).toMatchObject({ actions: ['create'], after_unknown: true });
      });

      test('GIVEN IPv6-only endpoints with fixed IPv6 addresses WHEN planned against IPv6-only subnets THEN preflight passes and the endpoints are created', () => {
        expect(diagnostics(IPV6_ONLY)).toEqual([]);
        expect(changes(IPV6_ONLY)['aws_vpc_endpoint.sample-ecr-api'].after).toMatchObject({
          ip_address_type: 'ipv6',
          subnet_configuration: expect.arrayContaining([
            { subnet_id: 'subnet-0a1b2c3d4e5f60001', ipv4: '', ipv6: '2600:1f18:4d3:5e00::10' },
          ]),
        });
      });

      test('GIVEN fixed IPv4 addresses, their outputs and Name tags in the example VPC WHEN planned THEN preflight passes, the four resources are created, and the address outputs are declared', () => {
        expect(diagnostics(FIXED_IPV4)).toEqual([]);
        const planned = changes(FIXED_IPV4);
        expect(Object.values(planned).map((change) => change.actions.join())).toEqual(['create', 'create', 'create', 'create']);
        expect(planned['aws_vpc_endpoint.sample-ecr-api'].after.subnet_configuration).toEqual(
          expect.arrayContaining([{ subnet_id: 'subnet-0a1b2c3d4e5f60002', ipv4: '10.0.1.10', ipv6: '' }]),
        );
        expect(
          Object.keys(moduleConfiguration(plan().json, FIXED_IPV4).outputs)
            .filter((name) => name.endsWith('_addresses'))
            .sort(),
        ).toEqual(ADDRESS_OUTPUTS);
      });
    });
  },
};
