import { InterfaceService } from '../lib/naming/interface-service';
import { readFileSync } from 'fs';
import * as path from 'path';
import { selectInterfaceServices, WORKLOAD_SERVICES } from '../lib/workload-profiles';
import { REPO_ROOT } from './support/example-stack';

/**
 * The profiles against the table in reference/aws-facts.md ("Which endpoints a workload needs"), read
 * from the document itself: a row's backticked names in its "needs" column, without the S3 gateway and
 * without what the row marks optional (after "Cluster Autoscaler:").
 */
function servicesInFactsRow(rowStart: string): string[] {
  const facts = readFileSync(path.join(REPO_ROOT, 'reference', 'aws-facts.md'), 'utf8');
  const row = facts.split('\n').find((line) => line.startsWith(`| ${rowStart}`));
  if (!row) {
    throw new Error(`aws-facts.md has no row starting with "${rowStart}"`);
  }
  const needs = row.split('|')[2].split('Cluster Autoscaler:')[0];
  return [...needs.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
}

describe('workload profiles', () => {
  test.each([
    ['ecs-ec2', 'ECS tasks on EC2'],
    ['ecs-fargate', 'ECS on Fargate, platform 1.4.0+'],
    ['eks', 'EKS nodes in private subnets'],
  ] as const)('GIVEN workload %s THEN its services are those aws-facts.md lists for "%s"', (workload, row) => {
    expect(WORKLOAD_SERVICES[workload].map(String).sort()).toEqual(servicesInFactsRow(row).sort());
  });

  test("GIVEN ecr-only THEN it is the article's pair", () => {
    expect(WORKLOAD_SERVICES['ecr-only'].map(String)).toEqual(['ecr.api', 'ecr.dkr']);
  });

  test("GIVEN no workload THEN the article's pair is chosen (today's behaviour)", () => {
    expect(selectInterfaceServices({}).map(String)).toEqual(['ecr.api', 'ecr.dkr']);
  });

  test('GIVEN a workload and additional services THEN they are added once each, in order', () => {
    expect(
      selectInterfaceServices({
        workload: 'ecs-fargate',
        additionalInterfaceServices: ['logs', 'ecr.api', 'secretsmanager'].map(InterfaceService.of),
      }).map(String),
    ).toEqual(['ecr.api', 'ecr.dkr', 'logs', 'secretsmanager']);
  });

  test("GIVEN interfaceServices THEN they replace the workload's list", () => {
    expect(selectInterfaceServices({ workload: 'eks', interfaceServices: [InterfaceService.ECR_DKR] }).map(String)).toEqual(['ecr.dkr']);
  });
});
