// Generated from @aws-sdk/client-batch 3.1138.0 by test/unit/validation/api-shapes-source.ts. Do not edit.
// One line per shape: its name, how many of its first members the model requires, then each
// member as name:type, with a type code (s string, n number, b boolean, map a string map, map<n>
// a number map, @Name a structure, a trailing [] a list). Text, not object literals: the
// validators parse the shapes they use (shape-check.ts), and a command that validates nothing
// builds none of them at start-up.
export const API_SHAPES_TEXT = `
ArrayProperties 0 size:n
CapacityReservationRequest 0 reservationGroupArn:s reservationPreference:s
ComputeEnvironmentOrder 2 order:n computeEnvironment:s
ComputeResource 2 type:s maxvCpus:n allocationStrategy:s minvCpus:n desiredvCpus:n instanceTypes:s[] imageId:s subnets:s[] securityGroupIds:s[] ec2KeyPair:s instanceRole:s tags:map placementGroup:s bidPercentage:n spotIamFleetRole:s launchTemplate:@LaunchTemplateSpecification ec2Configuration:@Ec2Configuration[] scalingPolicy:@ComputeScalingPolicy managedInstancesProvider:@ManagedInstancesProvider capacityTags:map
ComputeResourceUpdate 0 minvCpus:n maxvCpus:n desiredvCpus:n subnets:s[] securityGroupIds:s[] allocationStrategy:s instanceTypes:s[] ec2KeyPair:s instanceRole:s tags:map placementGroup:s bidPercentage:n launchTemplate:@LaunchTemplateSpecification ec2Configuration:@Ec2Configuration[] updateToLatestImageVersion:b type:s imageId:s scalingPolicy:@ComputeScalingPolicy managedInstancesProvider:@UpdateManagedInstancesProviderConfiguration capacityTags:map
ComputeScalingPolicy 0 minScaleDownDelayMinutes:n
ConsumableResourceProperties 0 consumableResourceList:@ConsumableResourceRequirement[]
ConsumableResourceRequirement 0 consumableResource:s quantity:n
ContainerOverrides 0 vcpus:n memory:n command:s[] instanceType:s environment:@KeyValuePair[] resourceRequirements:@ResourceRequirement[]
ContainerProperties 0 image:s vcpus:n memory:n command:s[] jobRoleArn:s executionRoleArn:s volumes:@Volume[] environment:@KeyValuePair[] mountPoints:@MountPoint[] readonlyRootFilesystem:b privileged:b ulimits:@Ulimit[] user:s instanceType:s resourceRequirements:@ResourceRequirement[] linuxParameters:@LinuxParameters logConfiguration:@LogConfiguration secrets:@Secret[] networkConfiguration:@NetworkConfiguration fargatePlatformConfiguration:@FargatePlatformConfiguration enableExecuteCommand:b ephemeralStorage:@EphemeralStorage runtimePlatform:@RuntimePlatform repositoryCredentials:@RepositoryCredentials
CreateComputeEnvironmentRequest 2 computeEnvironmentName:s type:s state:s unmanagedvCpus:n computeResources:@ComputeResource serviceRole:s tags:map eksConfiguration:@EksConfiguration context:s ecsSettings:@EcsSettings
CreateConsumableResourceRequest 1 consumableResourceName:s totalQuantity:n resourceType:s tags:map
CreateJobQueueRequest 2 jobQueueName:s priority:n state:s schedulingPolicyArn:s computeEnvironmentOrder:@ComputeEnvironmentOrder[] serviceEnvironmentOrder:@ServiceEnvironmentOrder[] jobQueueType:s tags:map jobStateTimeLimitActions:@JobStateTimeLimitAction[]
CreateSchedulingPolicyRequest 1 name:s quotaSharePolicy:@QuotaSharePolicy fairsharePolicy:@FairsharePolicy tags:map
Device 1 hostPath:s containerPath:s permissions:s[]
EFSAuthorizationConfig 0 accessPointId:s iam:s
EFSVolumeConfiguration 1 fileSystemId:s rootDirectory:s transitEncryption:s transitEncryptionPort:n authorizationConfig:@EFSAuthorizationConfig
Ec2Configuration 1 imageType:s imageIdOverride:s batchImageStatus:s imageKubernetesVersion:s
EcsProperties 1 taskProperties:@EcsTaskProperties[]
EcsPropertiesOverride 0 taskProperties:@TaskPropertiesOverride[]
EcsSettings 0 containerInsights:s
EcsTaskProperties 1 containers:@TaskContainerProperties[] ephemeralStorage:@EphemeralStorage executionRoleArn:s platformVersion:s ipcMode:s taskRoleArn:s pidMode:s networkConfiguration:@NetworkConfiguration runtimePlatform:@RuntimePlatform volumes:@Volume[] enableExecuteCommand:b networkMode:s
EksConfiguration 2 eksClusterArn:s kubernetesNamespace:s
EksContainer 1 image:s name:s imagePullPolicy:s command:s[] args:s[] env:@EksContainerEnvironmentVariable[] resources:@EksContainerResourceRequirements volumeMounts:@EksContainerVolumeMount[] securityContext:@EksContainerSecurityContext
EksContainerEnvironmentVariable 1 name:s value:s
EksContainerOverride 0 name:s image:s command:s[] args:s[] env:@EksContainerEnvironmentVariable[] resources:@EksContainerResourceRequirements
EksContainerResourceRequirements 0 limits:map requests:map
EksContainerSecurityContext 0 runAsUser:n runAsGroup:n privileged:b allowPrivilegeEscalation:b readOnlyRootFilesystem:b runAsNonRoot:b
EksContainerVolumeMount 0 name:s mountPath:s subPath:s readOnly:b
EksEmptyDir 0 medium:s sizeLimit:s
EksHostPath 0 path:s
EksMetadata 0 labels:map annotations:map namespace:s
EksPersistentVolumeClaim 1 claimName:s readOnly:b
EksPodProperties 0 serviceAccountName:s hostNetwork:b dnsPolicy:s imagePullSecrets:@ImagePullSecret[] containers:@EksContainer[] initContainers:@EksContainer[] volumes:@EksVolume[] metadata:@EksMetadata shareProcessNamespace:b
EksPodPropertiesOverride 0 containers:@EksContainerOverride[] initContainers:@EksContainerOverride[] metadata:@EksMetadata
EksProperties 0 podProperties:@EksPodProperties
EksPropertiesOverride 0 podProperties:@EksPodPropertiesOverride
EksSecret 1 secretName:s optional:b
EksVolume 1 name:s hostPath:@EksHostPath emptyDir:@EksEmptyDir secret:@EksSecret persistentVolumeClaim:@EksPersistentVolumeClaim
EphemeralStorage 1 sizeInGiB:n
EvaluateOnExit 1 action:s onStatusReason:s onReason:s onExitCode:s
FairsharePolicy 0 shareDecaySeconds:n computeReservation:n shareDistribution:@ShareAttributes[]
FargatePlatformConfiguration 0 platformVersion:s
FirelensConfiguration 1 type:s options:map
Host 0 sourcePath:s
ImagePullSecret 1 name:s
InfrastructureOptimization 0 scaleInAfter:n
InstanceLaunchTemplate 2 ec2InstanceProfileArn:s networkConfiguration:@ManagedInstancesNetworkConfiguration instanceRequirements:@InstanceRequirementsRequest capacityOptionType:s storageConfiguration:@ManagedInstancesStorageConfiguration monitoring:s fipsEnabled:b capacityReservations:@CapacityReservationRequest instanceMetadataTagsPropagation:b localStorageConfiguration:@ManagedInstancesLocalStorageConfiguration
InstanceLaunchTemplateUpdate 0 ec2InstanceProfileArn:s networkConfiguration:@ManagedInstancesNetworkConfiguration instanceRequirements:@InstanceRequirementsRequest storageConfiguration:@ManagedInstancesStorageConfiguration monitoring:s capacityReservations:@CapacityReservationRequest instanceMetadataTagsPropagation:b localStorageConfiguration:@ManagedInstancesLocalStorageConfiguration
InstanceRequirementsRequest 0 allowedInstanceTypes:s[]
JobDependency 0 jobId:s type:s
JobStateTimeLimitAction 4 reason:s state:s maxTimeSeconds:n action:s
JobTimeout 0 attemptDurationSeconds:n
KeyValuePair 0 name:s value:s
LaunchTemplateSpecification 0 launchTemplateId:s launchTemplateName:s version:s overrides:@LaunchTemplateSpecificationOverride[] userdataType:s
LaunchTemplateSpecificationOverride 0 launchTemplateId:s launchTemplateName:s version:s targetInstanceTypes:s[] userdataType:s
LinuxParameters 0 devices:@Device[] initProcessEnabled:b sharedMemorySize:n tmpfs:@Tmpfs[] maxSwap:n swappiness:n
LogConfiguration 1 logDriver:s options:map secretOptions:@Secret[]
ManagedInstancesLocalStorageConfiguration 0 useLocalStorage:b
ManagedInstancesNetworkConfiguration 2 subnets:s[] securityGroups:s[]
ManagedInstancesProvider 2 infrastructureRoleArn:s instanceLaunchTemplate:@InstanceLaunchTemplate propagateTags:s infrastructureOptimization:@InfrastructureOptimization
ManagedInstancesStorageConfiguration 0 storageSizeGiB:n
MountPoint 0 containerPath:s readOnly:b sourceVolume:s
NetworkConfiguration 0 assignPublicIp:s
NodeOverrides 0 numNodes:n nodePropertyOverrides:@NodePropertyOverride[]
NodeProperties 3 numNodes:n mainNode:n nodeRangeProperties:@NodeRangeProperty[]
NodePropertyOverride 1 targetNodes:s containerOverrides:@ContainerOverrides ecsPropertiesOverride:@EcsPropertiesOverride instanceTypes:s[] eksPropertiesOverride:@EksPropertiesOverride consumableResourcePropertiesOverride:@ConsumableResourceProperties
NodeRangeProperty 1 targetNodes:s container:@ContainerProperties instanceTypes:s[] ecsProperties:@EcsProperties eksProperties:@EksProperties consumableResourceProperties:@ConsumableResourceProperties
QuotaSharePolicy 1 idleResourceAssignmentStrategy:s
RegisterJobDefinitionRequest 2 jobDefinitionName:s type:s parameters:map schedulingPriority:n containerProperties:@ContainerProperties nodeProperties:@NodeProperties retryStrategy:@RetryStrategy propagateTags:b timeout:@JobTimeout tags:map platformCapabilities:s[] eksProperties:@EksProperties ecsProperties:@EcsProperties consumableResourceProperties:@ConsumableResourceProperties
RepositoryCredentials 1 credentialsParameter:s
ResourceRequirement 2 value:s type:s
RetryStrategy 0 attempts:n evaluateOnExit:@EvaluateOnExit[]
RuntimePlatform 0 operatingSystemFamily:s cpuArchitecture:s
S3FilesVolumeConfiguration 1 fileSystemArn:s rootDirectory:s transitEncryptionPort:n accessPointArn:s
Secret 2 name:s valueFrom:s
ServiceEnvironmentOrder 2 order:n serviceEnvironment:s
ShareAttributes 1 shareIdentifier:s weightFactor:n
SubmitJobRequest 3 jobName:s jobQueue:s jobDefinition:s shareIdentifier:s schedulingPriorityOverride:n arrayProperties:@ArrayProperties dependsOn:@JobDependency[] parameters:map containerOverrides:@ContainerOverrides nodeOverrides:@NodeOverrides retryStrategy:@RetryStrategy propagateTags:b timeout:@JobTimeout tags:map eksPropertiesOverride:@EksPropertiesOverride ecsPropertiesOverride:@EcsPropertiesOverride consumableResourcePropertiesOverride:@ConsumableResourceProperties
TagResourceRequest 2 resourceArn:s tags:map
TaskContainerDependency 0 containerName:s condition:s
TaskContainerOverrides 0 command:s[] environment:@KeyValuePair[] name:s resourceRequirements:@ResourceRequirement[]
TaskContainerProperties 1 image:s command:s[] dependsOn:@TaskContainerDependency[] environment:@KeyValuePair[] essential:b firelensConfiguration:@FirelensConfiguration linuxParameters:@LinuxParameters logConfiguration:@LogConfiguration mountPoints:@MountPoint[] name:s privileged:b readonlyRootFilesystem:b repositoryCredentials:@RepositoryCredentials resourceRequirements:@ResourceRequirement[] secrets:@Secret[] ulimits:@Ulimit[] user:s startTimeout:n stopTimeout:n
TaskPropertiesOverride 0 containers:@TaskContainerOverrides[]
Tmpfs 2 containerPath:s size:n mountOptions:s[]
Ulimit 3 hardLimit:n name:s softLimit:n
UntagResourceRequest 2 resourceArn:s tagKeys:s[]
UpdateComputeEnvironmentRequest 1 computeEnvironment:s state:s unmanagedvCpus:n computeResources:@ComputeResourceUpdate serviceRole:s updatePolicy:@UpdatePolicy context:s ecsSettings:@EcsSettings
UpdateConsumableResourceRequest 1 consumableResource:s operation:s quantity:n clientToken:s
UpdateJobQueueRequest 1 jobQueue:s state:s schedulingPolicyArn:s priority:n computeEnvironmentOrder:@ComputeEnvironmentOrder[] serviceEnvironmentOrder:@ServiceEnvironmentOrder[] jobStateTimeLimitActions:@JobStateTimeLimitAction[]
UpdateManagedInstancesProviderConfiguration 0 propagateTags:s infrastructureRoleArn:s instanceLaunchTemplate:@InstanceLaunchTemplateUpdate infrastructureOptimization:@InfrastructureOptimization
UpdatePolicy 0 terminateJobsOnUpdate:b jobExecutionTimeoutMinutes:n
UpdateSchedulingPolicyRequest 1 arn:s quotaSharePolicy:@QuotaSharePolicy fairsharePolicy:@FairsharePolicy
Volume 0 host:@Host name:s efsVolumeConfiguration:@EFSVolumeConfiguration s3filesVolumeConfiguration:@S3FilesVolumeConfiguration
`;
