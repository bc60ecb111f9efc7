/** The `kind` of every resource row. */
export const KIND = {
  vpc: 'ec2:vpc',
  subnet: 'ec2:subnet',
  securityGroup: 'ec2:security-group',
  routeTable: 'ec2:route-table',
  internetGateway: 'ec2:internet-gateway',
  natGateway: 'ec2:nat-gateway',
  vpcEndpoint: 'ec2:vpc-endpoint',
  launchTemplate: 'ec2:launch-template',
  role: 'iam:role',
  managedPolicy: 'iam:policy',
  instanceProfile: 'iam:instance-profile',
  eksCluster: 'eks:cluster',
  computeEnvironment: 'batch:compute-environment',
  jobQueue: 'batch:job-queue',
  jobDefinition: 'batch:job-definition',
  schedulingPolicy: 'batch:scheduling-policy',
} as const;
