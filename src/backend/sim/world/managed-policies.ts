/** The AWS managed policies a fresh world knows by name and ARN (spec/06 §1, spec/01). */
export interface ManagedPolicy {
  name: string;
  path: string;
  description: string;
}

export const MANAGED_POLICIES: ManagedPolicy[] = [
  { name: 'AmazonEC2ContainerServiceforEC2Role', path: '/service-role/', description: 'Default policy for the Amazon EC2 Role for Amazon EC2 Container Service.' },
  { name: 'AmazonECSTaskExecutionRolePolicy', path: '/service-role/', description: 'Provides access to other AWS service resources that are required to run Amazon ECS tasks' },
  { name: 'AWSBatchServiceRole', path: '/service-role/', description: 'Policy to enable AWS Batch to make calls on your behalf.' },
  { name: 'BatchServiceRolePolicy', path: '/aws-service-role/', description: 'Allows AWS Batch to manage AWS resources on your behalf.' },
  { name: 'AmazonEC2SpotFleetTaggingRole', path: '/service-role/', description: 'Allow EC2 Spot Fleet to request, terminate and tag Spot Instances on your behalf.' },
  { name: 'AmazonEKSWorkerNodePolicy', path: '/', description: 'This policy allows Amazon EKS worker nodes to connect to Amazon EKS Clusters.' },
  { name: 'AmazonEKS_CNI_Policy', path: '/', description: 'This policy provides the Amazon VPC CNI Plugin the permissions it requires.' },
  { name: 'AmazonEC2ContainerRegistryReadOnly', path: '/', description: 'Provides read-only access to Amazon EC2 Container Registry repositories.' },
  { name: 'AmazonEKSClusterPolicy', path: '/', description: 'This policy provides Kubernetes the permissions it requires to manage resources on your behalf.' },
  { name: 'AmazonSSMManagedInstanceCore', path: '/', description: 'The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.' },
  { name: 'CloudWatchLogsFullAccess', path: '/', description: 'Provides full access to CloudWatch Logs' },
];

export function managedPolicyArn(p: ManagedPolicy): string {
  return `arn:aws:iam::aws:policy${p.path}${p.name}`;
}
