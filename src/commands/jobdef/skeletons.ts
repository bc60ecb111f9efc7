/**
 * Commented RegisterJobDefinition templates, one per platform. The YAML text is the source; `-o
 * json` is the same document parsed, so the two never disagree. Every template passes
 * `jobdef validate` (a test checks it).
 */
export const SKELETON_PLATFORMS = ['ec2', 'fargate', 'eks', 'multinode'] as const;
export type SkeletonPlatform = (typeof SKELETON_PLATFORMS)[number];

const HEADER = `# A RegisterJobDefinition request. Edit it, check it, register it:
#   batchctl jobdef validate job.yaml
#   batchctl jobdef register --input job.yaml
# Field names are the AWS Batch API's; the same file works with
#   aws batch register-job-definition --cli-input-yaml file://job.yaml
`;

const RETRY_AND_TAGS = `# Retry up to 3 attempts, but only when the host went away; any other failure ends the job.
retryStrategy:
  attempts: 3
  evaluateOnExit:
    - action: RETRY
      onStatusReason: "Host EC2*"
    - action: EXIT
      onReason: "*"
# Kill an attempt that runs longer than this (seconds, at least 60).
timeout:
  attemptDurationSeconds: 3600
tags:
  team: data
`;

export const SKELETONS: Record<SkeletonPlatform, string> = {
  ec2: `${HEADER}
# 1-128 letters, digits, - and _. Registering the same name again adds a revision.
jobDefinitionName: my-job
type: container
# EC2 is the default platform; it can run GPUs, privileged containers and linuxParameters.
platformCapabilities:
  - EC2
# Defaults for Ref::name placeholders in the command; SubmitJob parameters override them.
parameters:
  greeting: hello
containerProperties:
  image: public.ecr.aws/docker/library/busybox:latest
  command:
    - echo
    - Ref::greeting
  # VCPU: a whole number >= 1 on EC2. MEMORY: MiB (an 8 GiB instance has less than 8192 free).
  resourceRequirements:
    - type: VCPU
      value: "1"
    - type: MEMORY
      value: "2048"
  # Names must not start with AWS_BATCH (reserved).
  environment:
    - name: STAGE
      value: dev
  # Logs go to CloudWatch Logs, group /aws/batch/job unless awslogs-group says otherwise.
  logConfiguration:
    logDriver: awslogs
# Copy the job's and definition's tags to the ECS task.
propagateTags: true
${RETRY_AND_TAGS}`,

  fargate: `${HEADER}
# 1-128 letters, digits, - and _. Registering the same name again adds a revision.
jobDefinitionName: my-fargate-job
type: container
platformCapabilities:
  - FARGATE
parameters:
  greeting: hello
containerProperties:
  image: public.ecr.aws/docker/library/busybox:latest
  command:
    - echo
    - Ref::greeting
  # Fargate needs an execution role (to pull the image and write logs).
  executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
  # Fargate sizes come in pairs: VCPU 0.25 with MEMORY 512/1024/2048, 0.5 with 1024-4096, 1 with
  # 2048-8192, 2 with 4096-16384, 4 with 8192-30720, 8 with 16384-61440, 16 with 32768-122880.
  resourceRequirements:
    - type: VCPU
      value: "0.25"
    - type: MEMORY
      value: "512"
  environment:
    - name: STAGE
      value: dev
  # ENABLED when the subnets have no NAT gateway, or the task cannot pull its image.
  networkConfiguration:
    assignPublicIp: ENABLED
  fargatePlatformConfiguration:
    platformVersion: LATEST
  # Fargate allows the awslogs and splunk log drivers only.
  logConfiguration:
    logDriver: awslogs
propagateTags: true
${RETRY_AND_TAGS}`,

  eks: `${HEADER}
# 1-128 letters, digits, - and _. Registering the same name again adds a revision.
jobDefinitionName: my-eks-job
type: container
# EKS definitions take no platformCapabilities and no propagateTags.
eksProperties:
  podProperties:
    hostNetwork: true
    containers:
      - name: main
        image: public.ecr.aws/docker/library/busybox:latest
        command:
          - sh
          - -c
        args:
          - echo hello from EKS
        # cpu: multiples of 0.25 (no "m" units). memory: MiB with the Mi suffix.
        # When both are given, memory requests must equal limits and cpu limits >= requests.
        resources:
          requests:
            cpu: "1"
            memory: 2048Mi
          limits:
            cpu: "1"
            memory: 2048Mi
        env:
          - name: STAGE
            value: dev
${RETRY_AND_TAGS}`,

  multinode: `${HEADER}
# A multi-node parallel job: numNodes containers started together (EC2 only, not Fargate).
jobDefinitionName: my-mnp-job
type: multinode
nodeProperties:
  numNodes: 2
  # The main node starts first; the job ends when it exits.
  mainNode: 0
  nodeRangeProperties:
    # "0:" covers every node; narrower ranges (e.g. "1:1") override it.
    - targetNodes: "0:"
      container:
        image: public.ecr.aws/docker/library/busybox:latest
        command:
          - sh
          - -c
          - echo node $AWS_BATCH_JOB_NODE_INDEX of $AWS_BATCH_JOB_NUM_NODES
        # Optional: the one instance type every node runs on (all ranges must name the same one,
        # and the queue's compute environments must allow it), e.g.
        # instanceType: c5.xlarge
        resourceRequirements:
          - type: VCPU
            value: "2"
          - type: MEMORY
            value: "4096"
${RETRY_AND_TAGS}`,
};
