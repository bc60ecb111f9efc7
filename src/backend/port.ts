/**
 * The Backend port: exactly the AWS operations batchctl uses, facet by facet, in the SDK's own
 * request and response shapes (without `$metadata`). The AWS implementation maps each method onto
 * an SDK v3 command; the simulator implements the same interface. Nothing above this file knows
 * which world it talks to, except `kind` (to label output as `sim` or `aws:<region>`).
 *
 * Errors cross the port as SDK exceptions or objects with the same `name`, `message` and
 * `$metadata.httpStatusCode` (see errors.ts `AwsShapedError`).
 */
import type * as B from '@aws-sdk/client-batch';
import type * as E from '@aws-sdk/client-ec2';
import type * as I from '@aws-sdk/client-iam';
import type * as L from '@aws-sdk/client-cloudwatch-logs';
import type * as K from '@aws-sdk/client-eks';

type Op<In, Out> = (input: In) => Promise<Out>;

export interface BatchApi {
  createComputeEnvironment: Op<B.CreateComputeEnvironmentRequest, B.CreateComputeEnvironmentResponse>;
  updateComputeEnvironment: Op<B.UpdateComputeEnvironmentRequest, B.UpdateComputeEnvironmentResponse>;
  deleteComputeEnvironment: Op<B.DeleteComputeEnvironmentRequest, B.DeleteComputeEnvironmentResponse>;
  describeComputeEnvironments: Op<B.DescribeComputeEnvironmentsRequest, B.DescribeComputeEnvironmentsResponse>;

  createJobQueue: Op<B.CreateJobQueueRequest, B.CreateJobQueueResponse>;
  updateJobQueue: Op<B.UpdateJobQueueRequest, B.UpdateJobQueueResponse>;
  deleteJobQueue: Op<B.DeleteJobQueueRequest, B.DeleteJobQueueResponse>;
  describeJobQueues: Op<B.DescribeJobQueuesRequest, B.DescribeJobQueuesResponse>;
  getJobQueueSnapshot: Op<B.GetJobQueueSnapshotRequest, B.GetJobQueueSnapshotResponse>;

  registerJobDefinition: Op<B.RegisterJobDefinitionRequest, B.RegisterJobDefinitionResponse>;
  deregisterJobDefinition: Op<B.DeregisterJobDefinitionRequest, B.DeregisterJobDefinitionResponse>;
  describeJobDefinitions: Op<B.DescribeJobDefinitionsRequest, B.DescribeJobDefinitionsResponse>;

  submitJob: Op<B.SubmitJobRequest, B.SubmitJobResponse>;
  describeJobs: Op<B.DescribeJobsRequest, B.DescribeJobsResponse>;
  listJobs: Op<B.ListJobsRequest, B.ListJobsResponse>;
  cancelJob: Op<B.CancelJobRequest, B.CancelJobResponse>;
  terminateJob: Op<B.TerminateJobRequest, B.TerminateJobResponse>;

  createSchedulingPolicy: Op<B.CreateSchedulingPolicyRequest, B.CreateSchedulingPolicyResponse>;
  updateSchedulingPolicy: Op<B.UpdateSchedulingPolicyRequest, B.UpdateSchedulingPolicyResponse>;
  deleteSchedulingPolicy: Op<B.DeleteSchedulingPolicyRequest, B.DeleteSchedulingPolicyResponse>;
  describeSchedulingPolicies: Op<B.DescribeSchedulingPoliciesRequest, B.DescribeSchedulingPoliciesResponse>;
  listSchedulingPolicies: Op<B.ListSchedulingPoliciesRequest, B.ListSchedulingPoliciesResponse>;

  createConsumableResource: Op<B.CreateConsumableResourceRequest, B.CreateConsumableResourceResponse>;
  describeConsumableResource: Op<B.DescribeConsumableResourceRequest, B.DescribeConsumableResourceResponse>;
  listConsumableResources: Op<B.ListConsumableResourcesRequest, B.ListConsumableResourcesResponse>;
  updateConsumableResource: Op<B.UpdateConsumableResourceRequest, B.UpdateConsumableResourceResponse>;
  deleteConsumableResource: Op<B.DeleteConsumableResourceRequest, B.DeleteConsumableResourceResponse>;
  listJobsByConsumableResource: Op<B.ListJobsByConsumableResourceRequest, B.ListJobsByConsumableResourceResponse>;

  tagResource: Op<B.TagResourceRequest, B.TagResourceResponse>;
  untagResource: Op<B.UntagResourceRequest, B.UntagResourceResponse>;
  listTagsForResource: Op<B.ListTagsForResourceRequest, B.ListTagsForResourceResponse>;
}

export interface Ec2Api {
  describeVpcs: Op<E.DescribeVpcsRequest, E.DescribeVpcsResult>;
  describeSubnets: Op<E.DescribeSubnetsRequest, E.DescribeSubnetsResult>;
  describeSecurityGroups: Op<E.DescribeSecurityGroupsRequest, E.DescribeSecurityGroupsResult>;
  describeRouteTables: Op<E.DescribeRouteTablesRequest, E.DescribeRouteTablesResult>;
  describeInternetGateways: Op<E.DescribeInternetGatewaysRequest, E.DescribeInternetGatewaysResult>;
  describeNatGateways: Op<E.DescribeNatGatewaysRequest, E.DescribeNatGatewaysResult>;
  describeVpcEndpoints: Op<E.DescribeVpcEndpointsRequest, E.DescribeVpcEndpointsResult>;
  describeInstanceTypes: Op<E.DescribeInstanceTypesRequest, E.DescribeInstanceTypesResult>;
  describeLaunchTemplates: Op<E.DescribeLaunchTemplatesRequest, E.DescribeLaunchTemplatesResult>;
  createSecurityGroup: Op<E.CreateSecurityGroupRequest, E.CreateSecurityGroupResult>;
  deleteSecurityGroup: Op<E.DeleteSecurityGroupRequest, E.DeleteSecurityGroupResult>;
  authorizeSecurityGroupEgress: Op<E.AuthorizeSecurityGroupEgressRequest, E.AuthorizeSecurityGroupEgressResult>;
  // Shaping a network (sim scenarios, tests; docs/simulator.md "Shaping the world").
  createVpc: Op<E.CreateVpcRequest, E.CreateVpcResult>;
  deleteVpc: Op<E.DeleteVpcRequest, object>;
  createSubnet: Op<E.CreateSubnetRequest, E.CreateSubnetResult>;
  deleteSubnet: Op<E.DeleteSubnetRequest, object>;
  modifySubnetAttribute: Op<E.ModifySubnetAttributeRequest, object>;
  createRouteTable: Op<E.CreateRouteTableRequest, E.CreateRouteTableResult>;
  deleteRouteTable: Op<E.DeleteRouteTableRequest, object>;
  associateRouteTable: Op<E.AssociateRouteTableRequest, E.AssociateRouteTableResult>;
  disassociateRouteTable: Op<E.DisassociateRouteTableRequest, object>;
  createRoute: Op<E.CreateRouteRequest, E.CreateRouteResult>;
  deleteRoute: Op<E.DeleteRouteRequest, object>;
  createInternetGateway: Op<E.CreateInternetGatewayRequest, E.CreateInternetGatewayResult>;
  attachInternetGateway: Op<E.AttachInternetGatewayRequest, object>;
  detachInternetGateway: Op<E.DetachInternetGatewayRequest, object>;
  deleteInternetGateway: Op<E.DeleteInternetGatewayRequest, object>;
  createNatGateway: Op<E.CreateNatGatewayRequest, E.CreateNatGatewayResult>;
  deleteNatGateway: Op<E.DeleteNatGatewayRequest, E.DeleteNatGatewayResult>;
  createVpcEndpoint: Op<E.CreateVpcEndpointRequest, E.CreateVpcEndpointResult>;
  deleteVpcEndpoints: Op<E.DeleteVpcEndpointsRequest, E.DeleteVpcEndpointsResult>;
}

export interface IamApi {
  getRole: Op<I.GetRoleRequest, I.GetRoleResponse>;
  createRole: Op<I.CreateRoleRequest, I.CreateRoleResponse>;
  deleteRole: Op<I.DeleteRoleRequest, object>;
  createServiceLinkedRole: Op<I.CreateServiceLinkedRoleRequest, I.CreateServiceLinkedRoleResponse>;
  listAttachedRolePolicies: Op<I.ListAttachedRolePoliciesRequest, I.ListAttachedRolePoliciesResponse>;
  attachRolePolicy: Op<I.AttachRolePolicyRequest, object>;
  detachRolePolicy: Op<I.DetachRolePolicyRequest, object>;
  getInstanceProfile: Op<I.GetInstanceProfileRequest, I.GetInstanceProfileResponse>;
  createInstanceProfile: Op<I.CreateInstanceProfileRequest, I.CreateInstanceProfileResponse>;
  deleteInstanceProfile: Op<I.DeleteInstanceProfileRequest, object>;
  addRoleToInstanceProfile: Op<I.AddRoleToInstanceProfileRequest, object>;
  removeRoleFromInstanceProfile: Op<I.RemoveRoleFromInstanceProfileRequest, object>;
}

export interface LogsApi {
  describeLogGroups: Op<L.DescribeLogGroupsRequest, L.DescribeLogGroupsResponse>;
  describeLogStreams: Op<L.DescribeLogStreamsRequest, L.DescribeLogStreamsResponse>;
  getLogEvents: Op<L.GetLogEventsRequest, L.GetLogEventsResponse>;
  filterLogEvents: Op<L.FilterLogEventsRequest, L.FilterLogEventsResponse>;
  createLogGroup: Op<L.CreateLogGroupRequest, object>;
  createLogStream: Op<L.CreateLogStreamRequest, object>;
  putLogEvents: Op<L.PutLogEventsRequest, L.PutLogEventsResponse>;
}

export interface EksApi {
  describeCluster: Op<K.DescribeClusterRequest, K.DescribeClusterResponse>;
  listClusters: Op<K.ListClustersRequest, K.ListClustersResponse>;
  createCluster: Op<K.CreateClusterRequest, K.CreateClusterResponse>;
  deleteCluster: Op<K.DeleteClusterRequest, K.DeleteClusterResponse>;
}

/** The services a Backend exposes; plan steps name one of these. */
export type ServiceName = 'batch' | 'ec2' | 'iam' | 'logs' | 'eks';

/** One world: real AWS (through the SDK) or the simulator. */
export interface Backend {
  readonly kind: 'aws' | 'sim';
  /** How human output names this world: `sim` or `aws:<region>`. */
  readonly label: string;
  readonly region: string;
  readonly batch: BatchApi;
  readonly ec2: Ec2Api;
  readonly iam: IamApi;
  readonly logs: LogsApi;
  readonly eks: EksApi;
  /** API calls made in the last 60 s, per service (the dashboard's budget line); absent when not counted. */
  apiCallsLastMinute?(): Record<string, number>;
  /** Releases what the backend holds (the simulator's database handle, SDK sockets). */
  close(): Promise<void>;
}

/** A backend that is created on first use (the SDK or the SQLite driver load only then). */
export type LazyBackend = () => Promise<Backend>;
