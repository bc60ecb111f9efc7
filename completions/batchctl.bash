# bash completion for batchctl.
# Generated from the command tree by `batchctl completion bash`: do not edit, run `npm run completions`.
# Install: `source <(batchctl completion bash)` in ~/.bashrc, or copy this file to
# ~/.local/share/bash-completion/completions/batchctl
# Resource names (queues, compute environments, job definitions...) come from
# `batchctl __complete <kind> <prefix>`, which asks the current world within one second.

# The subcommands (and aliases) of a command path.
_batchctl_children() {
  case "$1" in
    'batchctl') _batchctl_r='demo ce compute-environment queue jq jobdef jd job jobs setup teardown iam network logs doctor top policy resource consumable cr tag untag sim config completion' ;;
    'batchctl ce') _batchctl_r='list ls describe show create update enable disable delete rm' ;;
    'batchctl queue') _batchctl_r='list ls describe show snapshot create update enable disable delete rm' ;;
    'batchctl jobdef') _batchctl_r='list ls describe show register deregister validate lint skeleton' ;;
    'batchctl job') _batchctl_r='submit list ls describe show wait cancel terminate stop' ;;
    'batchctl setup') _batchctl_r='fargate ec2 eks' ;;
    'batchctl iam') _batchctl_r='check create-roles policy' ;;
    'batchctl network') _batchctl_r='check' ;;
    'batchctl policy') _batchctl_r='list ls describe show create update delete rm' ;;
    'batchctl resource') _batchctl_r='list ls describe show jobs create update delete rm' ;;
    'batchctl sim') _batchctl_r='status advance speed reset scenario run faults eks' ;;
    'batchctl sim scenario') _batchctl_r='list ls apply' ;;
    'batchctl sim faults') _batchctl_r='set show clear' ;;
    'batchctl sim eks') _batchctl_r='create-cluster delete-cluster' ;;
    'batchctl config') _batchctl_r='get set unset list ls path' ;;
    *) _batchctl_r='' ;;
  esac
}

# A subcommand's canonical name, given the path and a word.
_batchctl_canonical() {
  case "$1|$2" in
    'batchctl|demo') _batchctl_r='demo' ;;
    'batchctl|ce'|'batchctl|compute-environment') _batchctl_r='ce' ;;
    'batchctl|queue'|'batchctl|jq') _batchctl_r='queue' ;;
    'batchctl|jobdef'|'batchctl|jd') _batchctl_r='jobdef' ;;
    'batchctl|job'|'batchctl|jobs') _batchctl_r='job' ;;
    'batchctl|setup') _batchctl_r='setup' ;;
    'batchctl|teardown') _batchctl_r='teardown' ;;
    'batchctl|iam') _batchctl_r='iam' ;;
    'batchctl|network') _batchctl_r='network' ;;
    'batchctl|logs') _batchctl_r='logs' ;;
    'batchctl|doctor') _batchctl_r='doctor' ;;
    'batchctl|top') _batchctl_r='top' ;;
    'batchctl|policy') _batchctl_r='policy' ;;
    'batchctl|resource'|'batchctl|consumable'|'batchctl|cr') _batchctl_r='resource' ;;
    'batchctl|tag') _batchctl_r='tag' ;;
    'batchctl|untag') _batchctl_r='untag' ;;
    'batchctl|sim') _batchctl_r='sim' ;;
    'batchctl|config') _batchctl_r='config' ;;
    'batchctl|completion') _batchctl_r='completion' ;;
    'batchctl ce|list'|'batchctl ce|ls') _batchctl_r='list' ;;
    'batchctl ce|describe'|'batchctl ce|show') _batchctl_r='describe' ;;
    'batchctl ce|create') _batchctl_r='create' ;;
    'batchctl ce|update') _batchctl_r='update' ;;
    'batchctl ce|enable') _batchctl_r='enable' ;;
    'batchctl ce|disable') _batchctl_r='disable' ;;
    'batchctl ce|delete'|'batchctl ce|rm') _batchctl_r='delete' ;;
    'batchctl queue|list'|'batchctl queue|ls') _batchctl_r='list' ;;
    'batchctl queue|describe'|'batchctl queue|show') _batchctl_r='describe' ;;
    'batchctl queue|snapshot') _batchctl_r='snapshot' ;;
    'batchctl queue|create') _batchctl_r='create' ;;
    'batchctl queue|update') _batchctl_r='update' ;;
    'batchctl queue|enable') _batchctl_r='enable' ;;
    'batchctl queue|disable') _batchctl_r='disable' ;;
    'batchctl queue|delete'|'batchctl queue|rm') _batchctl_r='delete' ;;
    'batchctl jobdef|list'|'batchctl jobdef|ls') _batchctl_r='list' ;;
    'batchctl jobdef|describe'|'batchctl jobdef|show') _batchctl_r='describe' ;;
    'batchctl jobdef|register') _batchctl_r='register' ;;
    'batchctl jobdef|deregister') _batchctl_r='deregister' ;;
    'batchctl jobdef|validate'|'batchctl jobdef|lint') _batchctl_r='validate' ;;
    'batchctl jobdef|skeleton') _batchctl_r='skeleton' ;;
    'batchctl job|submit') _batchctl_r='submit' ;;
    'batchctl job|list'|'batchctl job|ls') _batchctl_r='list' ;;
    'batchctl job|describe'|'batchctl job|show') _batchctl_r='describe' ;;
    'batchctl job|wait') _batchctl_r='wait' ;;
    'batchctl job|cancel') _batchctl_r='cancel' ;;
    'batchctl job|terminate') _batchctl_r='terminate' ;;
    'batchctl job|stop') _batchctl_r='stop' ;;
    'batchctl setup|fargate') _batchctl_r='fargate' ;;
    'batchctl setup|ec2') _batchctl_r='ec2' ;;
    'batchctl setup|eks') _batchctl_r='eks' ;;
    'batchctl iam|check') _batchctl_r='check' ;;
    'batchctl iam|create-roles') _batchctl_r='create-roles' ;;
    'batchctl iam|policy') _batchctl_r='policy' ;;
    'batchctl network|check') _batchctl_r='check' ;;
    'batchctl policy|list'|'batchctl policy|ls') _batchctl_r='list' ;;
    'batchctl policy|describe'|'batchctl policy|show') _batchctl_r='describe' ;;
    'batchctl policy|create') _batchctl_r='create' ;;
    'batchctl policy|update') _batchctl_r='update' ;;
    'batchctl policy|delete'|'batchctl policy|rm') _batchctl_r='delete' ;;
    'batchctl resource|list'|'batchctl resource|ls') _batchctl_r='list' ;;
    'batchctl resource|describe'|'batchctl resource|show') _batchctl_r='describe' ;;
    'batchctl resource|jobs') _batchctl_r='jobs' ;;
    'batchctl resource|create') _batchctl_r='create' ;;
    'batchctl resource|update') _batchctl_r='update' ;;
    'batchctl resource|delete'|'batchctl resource|rm') _batchctl_r='delete' ;;
    'batchctl sim|status') _batchctl_r='status' ;;
    'batchctl sim|advance') _batchctl_r='advance' ;;
    'batchctl sim|speed') _batchctl_r='speed' ;;
    'batchctl sim|reset') _batchctl_r='reset' ;;
    'batchctl sim|scenario') _batchctl_r='scenario' ;;
    'batchctl sim|run') _batchctl_r='run' ;;
    'batchctl sim|faults') _batchctl_r='faults' ;;
    'batchctl sim|eks') _batchctl_r='eks' ;;
    'batchctl sim scenario|list'|'batchctl sim scenario|ls') _batchctl_r='list' ;;
    'batchctl sim scenario|apply') _batchctl_r='apply' ;;
    'batchctl sim faults|set') _batchctl_r='set' ;;
    'batchctl sim faults|show') _batchctl_r='show' ;;
    'batchctl sim faults|clear') _batchctl_r='clear' ;;
    'batchctl sim eks|create-cluster') _batchctl_r='create-cluster' ;;
    'batchctl sim eks|delete-cluster') _batchctl_r='delete-cluster' ;;
    'batchctl config|get') _batchctl_r='get' ;;
    'batchctl config|set') _batchctl_r='set' ;;
    'batchctl config|unset') _batchctl_r='unset' ;;
    'batchctl config|list'|'batchctl config|ls') _batchctl_r='list' ;;
    'batchctl config|path') _batchctl_r='path' ;;
    *) _batchctl_r='' ;;
  esac
}

# The options of a command path (the caller adds the global ones).
_batchctl_options() {
  case "$1" in
    'batchctl') _batchctl_r='-v --version' ;;
    'batchctl demo') _batchctl_r='--top' ;;
    'batchctl ce create') _batchctl_r='--type --compute-type --max-vcpus --min-vcpus --desired-vcpus --instance-types --subnets --security-groups --instance-role --service-role --allocation-strategy --bid-percentage --spot-fleet-role --launch-template --image-type --eks-cluster --namespace --unmanaged-vcpus --disabled --tag --input' ;;
    'batchctl ce update') _batchctl_r='--max-vcpus --min-vcpus --desired-vcpus --scale-down-delay --instance-types --subnets --security-groups --instance-role --service-role --allocation-strategy --bid-percentage --launch-template --image-type --update-to-latest-image --terminate-jobs-on-update --job-execution-timeout --unmanaged-vcpus --input' ;;
    'batchctl queue create') _batchctl_r='--priority --ce --scheduling-policy --state-time-limit --disabled --tag --input' ;;
    'batchctl queue update') _batchctl_r='--priority --ce --scheduling-policy --state-time-limit --clear-state-time-limits --input' ;;
    'batchctl jobdef list') _batchctl_r='--name --status --all-revisions' ;;
    'batchctl jobdef register') _batchctl_r='--image --command --vcpus --memory --gpus --platform --execution-role --job-role --env --parameter --retry-attempts --timeout --log-group --public-ip --scheduling-priority --propagate-tags --consumable-resource --tag --input' ;;
    'batchctl jobdef skeleton') _batchctl_r='--platform' ;;
    'batchctl job submit') _batchctl_r='-q --queue -d --definition -n --name --array-size --depends-on --parameter --env --command --vcpus --memory --gpus --retry-attempts --timeout --share-identifier --priority --consumable-resource --tag --input --wait --follow --wait-timeout --quiet' ;;
    'batchctl job list') _batchctl_r='-q --queue -s --status --name --definition --after --since --before --array-parent --multi-node-job -L --limit -A --all -w --watch --interval' ;;
    'batchctl job wait') _batchctl_r='--timeout -q --queue -s --status --name --definition --after --before --array-parent' ;;
    'batchctl job cancel') _batchctl_r='--reason -q --queue -s --status --name --definition --after --before --array-parent' ;;
    'batchctl job terminate') _batchctl_r='--reason -q --queue -s --status --name --definition --after --before --array-parent' ;;
    'batchctl job stop') _batchctl_r='--reason -q --queue -s --status --name --definition --after --before --array-parent' ;;
    'batchctl setup fargate') _batchctl_r='--name --max-vcpus --subnets --security-groups --vpc --spot --ce-name --queue-name --priority --job-definition-name --image --command --vcpus --memory --job-name --no-job --no-create-roles --service-role --execution-role --assign-public-ip --no-assign-public-ip --emit --timeout --ignore-checks' ;;
    'batchctl setup ec2') _batchctl_r='--name --max-vcpus --subnets --security-groups --vpc --spot --ce-name --queue-name --priority --job-definition-name --image --command --vcpus --memory --job-name --no-job --no-create-roles --service-role --instance-role --instance-types --allocation-strategy --min-vcpus --desired-vcpus --bid-percentage --key-pair --emit --timeout --ignore-checks' ;;
    'batchctl setup eks') _batchctl_r='--name --max-vcpus --subnets --security-groups --vpc --spot --ce-name --queue-name --priority --job-definition-name --image --command --vcpus --memory --job-name --no-job --no-create-roles --service-role --instance-role --instance-types --allocation-strategy --min-vcpus --eks-cluster --namespace --private --manifests-dir --emit --timeout --ignore-checks' ;;
    'batchctl teardown') _batchctl_r='--roles --emit --timeout' ;;
    'batchctl iam check') _batchctl_r='--platform --verbose --execution-role --instance-role --service-role --private' ;;
    'batchctl iam create-roles') _batchctl_r='--tag --emit --execution-role --instance-role --service-role --private' ;;
    'batchctl iam policy') _batchctl_r='--for --account-id --partition --pass-role' ;;
    'batchctl network check') _batchctl_r='--platform --vpc --subnets --security-groups --assign-public-ip --no-assign-public-ip --image --verbose' ;;
    'batchctl logs') _batchctl_r='-f --follow --attempt --index --children --node --container --since --tail --timestamps --format' ;;
    'batchctl doctor') _batchctl_r='--verbose --catalogue' ;;
    'batchctl top') _batchctl_r='--refresh --readonly --queue' ;;
    'batchctl policy create') _batchctl_r='--share-decay --compute-reservation --share --tag --input' ;;
    'batchctl policy update') _batchctl_r='--share-decay --compute-reservation --share --input' ;;
    'batchctl resource list') _batchctl_r='--name' ;;
    'batchctl resource jobs') _batchctl_r='-s --status --name' ;;
    'batchctl resource create') _batchctl_r='--total --type --tag --input' ;;
    'batchctl resource update') _batchctl_r='--set --add --remove --client-token --input' ;;
    'batchctl tag') _batchctl_r='--kind' ;;
    'batchctl untag') _batchctl_r='--kind' ;;
    'batchctl sim run') _batchctl_r='--until-idle --max' ;;
    'batchctl sim faults set') _batchctl_r='--throttle-rate --spot-reclaim-rate --pull-failure-rate --capacity-shortage-rate' ;;
    'batchctl sim eks create-cluster') _batchctl_r='--kubernetes-version --subnets --security-groups --role-arn --no-wait' ;;
    'batchctl sim eks delete-cluster') _batchctl_r='--no-wait' ;;
    'batchctl completion') _batchctl_r='--write' ;;
    *) _batchctl_r='' ;;
  esac
}

# Whether an option takes a value (status 0) and what completes it.
_batchctl_value() {
  case "$1|$2" in
    'batchctl ce create|--type') _batchctl_r='choices:MANAGED UNMANAGED' ;;
    'batchctl ce create|--compute-type') _batchctl_r='choices:EC2 SPOT FARGATE FARGATE_SPOT' ;;
    'batchctl ce create|--max-vcpus') _batchctl_r='' ;;
    'batchctl ce create|--min-vcpus') _batchctl_r='' ;;
    'batchctl ce create|--desired-vcpus') _batchctl_r='' ;;
    'batchctl ce create|--instance-types') _batchctl_r='' ;;
    'batchctl ce create|--subnets') _batchctl_r='' ;;
    'batchctl ce create|--security-groups') _batchctl_r='' ;;
    'batchctl ce create|--instance-role') _batchctl_r='' ;;
    'batchctl ce create|--service-role') _batchctl_r='' ;;
    'batchctl ce create|--allocation-strategy') _batchctl_r='choices:BEST_FIT BEST_FIT_PROGRESSIVE SPOT_CAPACITY_OPTIMIZED SPOT_PRICE_CAPACITY_OPTIMIZED' ;;
    'batchctl ce create|--bid-percentage') _batchctl_r='' ;;
    'batchctl ce create|--spot-fleet-role') _batchctl_r='' ;;
    'batchctl ce create|--launch-template') _batchctl_r='' ;;
    'batchctl ce create|--image-type') _batchctl_r='choices:ECS_AL2023 ECS_AL2023_NVIDIA ECS_AL2 ECS_AL2_NVIDIA EKS_AL2023 EKS_AL2023_NVIDIA EKS_AL2 EKS_AL2_NVIDIA' ;;
    'batchctl ce create|--eks-cluster') _batchctl_r='' ;;
    'batchctl ce create|--namespace') _batchctl_r='' ;;
    'batchctl ce create|--unmanaged-vcpus') _batchctl_r='' ;;
    'batchctl ce create|--tag') _batchctl_r='' ;;
    'batchctl ce create|--input') _batchctl_r='files' ;;
    'batchctl ce update|--max-vcpus') _batchctl_r='' ;;
    'batchctl ce update|--min-vcpus') _batchctl_r='' ;;
    'batchctl ce update|--desired-vcpus') _batchctl_r='' ;;
    'batchctl ce update|--scale-down-delay') _batchctl_r='' ;;
    'batchctl ce update|--instance-types') _batchctl_r='' ;;
    'batchctl ce update|--subnets') _batchctl_r='' ;;
    'batchctl ce update|--security-groups') _batchctl_r='' ;;
    'batchctl ce update|--instance-role') _batchctl_r='' ;;
    'batchctl ce update|--service-role') _batchctl_r='' ;;
    'batchctl ce update|--allocation-strategy') _batchctl_r='choices:BEST_FIT_PROGRESSIVE SPOT_CAPACITY_OPTIMIZED SPOT_PRICE_CAPACITY_OPTIMIZED' ;;
    'batchctl ce update|--bid-percentage') _batchctl_r='' ;;
    'batchctl ce update|--launch-template') _batchctl_r='' ;;
    'batchctl ce update|--image-type') _batchctl_r='choices:ECS_AL2023 ECS_AL2023_NVIDIA ECS_AL2 ECS_AL2_NVIDIA EKS_AL2023 EKS_AL2023_NVIDIA EKS_AL2 EKS_AL2_NVIDIA' ;;
    'batchctl ce update|--job-execution-timeout') _batchctl_r='' ;;
    'batchctl ce update|--unmanaged-vcpus') _batchctl_r='' ;;
    'batchctl ce update|--input') _batchctl_r='files' ;;
    'batchctl queue create|--priority') _batchctl_r='' ;;
    'batchctl queue create|--ce') _batchctl_r='kind:ce' ;;
    'batchctl queue create|--scheduling-policy') _batchctl_r='kind:policy' ;;
    'batchctl queue create|--state-time-limit') _batchctl_r='' ;;
    'batchctl queue create|--tag') _batchctl_r='' ;;
    'batchctl queue create|--input') _batchctl_r='files' ;;
    'batchctl queue update|--priority') _batchctl_r='' ;;
    'batchctl queue update|--ce') _batchctl_r='kind:ce' ;;
    'batchctl queue update|--scheduling-policy') _batchctl_r='kind:policy' ;;
    'batchctl queue update|--state-time-limit') _batchctl_r='' ;;
    'batchctl queue update|--input') _batchctl_r='files' ;;
    'batchctl jobdef list|--name') _batchctl_r='kind:jobdef' ;;
    'batchctl jobdef list|--status') _batchctl_r='choices:ACTIVE INACTIVE ALL' ;;
    'batchctl jobdef register|--image') _batchctl_r='' ;;
    'batchctl jobdef register|--command') _batchctl_r='' ;;
    'batchctl jobdef register|--vcpus') _batchctl_r='' ;;
    'batchctl jobdef register|--memory') _batchctl_r='' ;;
    'batchctl jobdef register|--gpus') _batchctl_r='' ;;
    'batchctl jobdef register|--platform') _batchctl_r='choices:EC2 FARGATE' ;;
    'batchctl jobdef register|--execution-role') _batchctl_r='' ;;
    'batchctl jobdef register|--job-role') _batchctl_r='' ;;
    'batchctl jobdef register|--env') _batchctl_r='' ;;
    'batchctl jobdef register|--parameter') _batchctl_r='' ;;
    'batchctl jobdef register|--retry-attempts') _batchctl_r='' ;;
    'batchctl jobdef register|--timeout') _batchctl_r='' ;;
    'batchctl jobdef register|--log-group') _batchctl_r='' ;;
    'batchctl jobdef register|--scheduling-priority') _batchctl_r='' ;;
    'batchctl jobdef register|--consumable-resource') _batchctl_r='kind:consumable' ;;
    'batchctl jobdef register|--tag') _batchctl_r='' ;;
    'batchctl jobdef register|--input') _batchctl_r='files' ;;
    'batchctl jobdef skeleton|--platform') _batchctl_r='choices:ec2 fargate eks multinode' ;;
    'batchctl job submit|-q'|'batchctl job submit|--queue') _batchctl_r='kind:queue' ;;
    'batchctl job submit|-d'|'batchctl job submit|--definition') _batchctl_r='kind:jobdef' ;;
    'batchctl job submit|-n'|'batchctl job submit|--name') _batchctl_r='' ;;
    'batchctl job submit|--array-size') _batchctl_r='' ;;
    'batchctl job submit|--depends-on') _batchctl_r='kind:job' ;;
    'batchctl job submit|--parameter') _batchctl_r='' ;;
    'batchctl job submit|--env') _batchctl_r='' ;;
    'batchctl job submit|--command') _batchctl_r='' ;;
    'batchctl job submit|--vcpus') _batchctl_r='' ;;
    'batchctl job submit|--memory') _batchctl_r='' ;;
    'batchctl job submit|--gpus') _batchctl_r='' ;;
    'batchctl job submit|--retry-attempts') _batchctl_r='' ;;
    'batchctl job submit|--timeout') _batchctl_r='' ;;
    'batchctl job submit|--share-identifier') _batchctl_r='' ;;
    'batchctl job submit|--priority') _batchctl_r='' ;;
    'batchctl job submit|--consumable-resource') _batchctl_r='kind:consumable' ;;
    'batchctl job submit|--tag') _batchctl_r='' ;;
    'batchctl job submit|--input') _batchctl_r='files' ;;
    'batchctl job submit|--wait-timeout') _batchctl_r='' ;;
    'batchctl job list|-q'|'batchctl job list|--queue') _batchctl_r='kind:queue' ;;
    'batchctl job list|-s'|'batchctl job list|--status') _batchctl_r='' ;;
    'batchctl job list|--name') _batchctl_r='' ;;
    'batchctl job list|--definition') _batchctl_r='kind:jobdef' ;;
    'batchctl job list|--after') _batchctl_r='' ;;
    'batchctl job list|--since') _batchctl_r='' ;;
    'batchctl job list|--before') _batchctl_r='' ;;
    'batchctl job list|--array-parent') _batchctl_r='' ;;
    'batchctl job list|--multi-node-job') _batchctl_r='' ;;
    'batchctl job list|-L'|'batchctl job list|--limit') _batchctl_r='' ;;
    'batchctl job list|--interval') _batchctl_r='' ;;
    'batchctl job wait|--timeout') _batchctl_r='' ;;
    'batchctl job wait|-q'|'batchctl job wait|--queue') _batchctl_r='kind:queue' ;;
    'batchctl job wait|-s'|'batchctl job wait|--status') _batchctl_r='' ;;
    'batchctl job wait|--name') _batchctl_r='' ;;
    'batchctl job wait|--definition') _batchctl_r='kind:jobdef' ;;
    'batchctl job wait|--after') _batchctl_r='' ;;
    'batchctl job wait|--before') _batchctl_r='' ;;
    'batchctl job wait|--array-parent') _batchctl_r='' ;;
    'batchctl job cancel|--reason') _batchctl_r='' ;;
    'batchctl job cancel|-q'|'batchctl job cancel|--queue') _batchctl_r='kind:queue' ;;
    'batchctl job cancel|-s'|'batchctl job cancel|--status') _batchctl_r='' ;;
    'batchctl job cancel|--name') _batchctl_r='' ;;
    'batchctl job cancel|--definition') _batchctl_r='kind:jobdef' ;;
    'batchctl job cancel|--after') _batchctl_r='' ;;
    'batchctl job cancel|--before') _batchctl_r='' ;;
    'batchctl job cancel|--array-parent') _batchctl_r='' ;;
    'batchctl job terminate|--reason') _batchctl_r='' ;;
    'batchctl job terminate|-q'|'batchctl job terminate|--queue') _batchctl_r='kind:queue' ;;
    'batchctl job terminate|-s'|'batchctl job terminate|--status') _batchctl_r='' ;;
    'batchctl job terminate|--name') _batchctl_r='' ;;
    'batchctl job terminate|--definition') _batchctl_r='kind:jobdef' ;;
    'batchctl job terminate|--after') _batchctl_r='' ;;
    'batchctl job terminate|--before') _batchctl_r='' ;;
    'batchctl job terminate|--array-parent') _batchctl_r='' ;;
    'batchctl job stop|--reason') _batchctl_r='' ;;
    'batchctl job stop|-q'|'batchctl job stop|--queue') _batchctl_r='kind:queue' ;;
    'batchctl job stop|-s'|'batchctl job stop|--status') _batchctl_r='' ;;
    'batchctl job stop|--name') _batchctl_r='' ;;
    'batchctl job stop|--definition') _batchctl_r='kind:jobdef' ;;
    'batchctl job stop|--after') _batchctl_r='' ;;
    'batchctl job stop|--before') _batchctl_r='' ;;
    'batchctl job stop|--array-parent') _batchctl_r='' ;;
    'batchctl setup fargate|--name') _batchctl_r='' ;;
    'batchctl setup fargate|--max-vcpus') _batchctl_r='' ;;
    'batchctl setup fargate|--subnets') _batchctl_r='' ;;
    'batchctl setup fargate|--security-groups') _batchctl_r='' ;;
    'batchctl setup fargate|--vpc') _batchctl_r='' ;;
    'batchctl setup fargate|--ce-name') _batchctl_r='' ;;
    'batchctl setup fargate|--queue-name') _batchctl_r='' ;;
    'batchctl setup fargate|--priority') _batchctl_r='' ;;
    'batchctl setup fargate|--job-definition-name') _batchctl_r='' ;;
    'batchctl setup fargate|--image') _batchctl_r='' ;;
    'batchctl setup fargate|--command') _batchctl_r='' ;;
    'batchctl setup fargate|--vcpus') _batchctl_r='' ;;
    'batchctl setup fargate|--memory') _batchctl_r='' ;;
    'batchctl setup fargate|--job-name') _batchctl_r='' ;;
    'batchctl setup fargate|--service-role') _batchctl_r='' ;;
    'batchctl setup fargate|--execution-role') _batchctl_r='' ;;
    'batchctl setup fargate|--emit') _batchctl_r='choices:aws-cli' ;;
    'batchctl setup fargate|--timeout') _batchctl_r='' ;;
    'batchctl setup ec2|--name') _batchctl_r='' ;;
    'batchctl setup ec2|--max-vcpus') _batchctl_r='' ;;
    'batchctl setup ec2|--subnets') _batchctl_r='' ;;
    'batchctl setup ec2|--security-groups') _batchctl_r='' ;;
    'batchctl setup ec2|--vpc') _batchctl_r='' ;;
    'batchctl setup ec2|--ce-name') _batchctl_r='' ;;
    'batchctl setup ec2|--queue-name') _batchctl_r='' ;;
    'batchctl setup ec2|--priority') _batchctl_r='' ;;
    'batchctl setup ec2|--job-definition-name') _batchctl_r='' ;;
    'batchctl setup ec2|--image') _batchctl_r='' ;;
    'batchctl setup ec2|--command') _batchctl_r='' ;;
    'batchctl setup ec2|--vcpus') _batchctl_r='' ;;
    'batchctl setup ec2|--memory') _batchctl_r='' ;;
    'batchctl setup ec2|--job-name') _batchctl_r='' ;;
    'batchctl setup ec2|--service-role') _batchctl_r='' ;;
    'batchctl setup ec2|--instance-role') _batchctl_r='' ;;
    'batchctl setup ec2|--instance-types') _batchctl_r='' ;;
    'batchctl setup ec2|--allocation-strategy') _batchctl_r='choices:BEST_FIT BEST_FIT_PROGRESSIVE SPOT_CAPACITY_OPTIMIZED SPOT_PRICE_CAPACITY_OPTIMIZED' ;;
    'batchctl setup ec2|--min-vcpus') _batchctl_r='' ;;
    'batchctl setup ec2|--desired-vcpus') _batchctl_r='' ;;
    'batchctl setup ec2|--bid-percentage') _batchctl_r='' ;;
    'batchctl setup ec2|--key-pair') _batchctl_r='' ;;
    'batchctl setup ec2|--emit') _batchctl_r='choices:aws-cli' ;;
    'batchctl setup ec2|--timeout') _batchctl_r='' ;;
    'batchctl setup eks|--name') _batchctl_r='' ;;
    'batchctl setup eks|--max-vcpus') _batchctl_r='' ;;
    'batchctl setup eks|--subnets') _batchctl_r='' ;;
    'batchctl setup eks|--security-groups') _batchctl_r='' ;;
    'batchctl setup eks|--vpc') _batchctl_r='' ;;
    'batchctl setup eks|--ce-name') _batchctl_r='' ;;
    'batchctl setup eks|--queue-name') _batchctl_r='' ;;
    'batchctl setup eks|--priority') _batchctl_r='' ;;
    'batchctl setup eks|--job-definition-name') _batchctl_r='' ;;
    'batchctl setup eks|--image') _batchctl_r='' ;;
    'batchctl setup eks|--command') _batchctl_r='' ;;
    'batchctl setup eks|--vcpus') _batchctl_r='' ;;
    'batchctl setup eks|--memory') _batchctl_r='' ;;
    'batchctl setup eks|--job-name') _batchctl_r='' ;;
    'batchctl setup eks|--service-role') _batchctl_r='' ;;
    'batchctl setup eks|--instance-role') _batchctl_r='' ;;
    'batchctl setup eks|--instance-types') _batchctl_r='' ;;
    'batchctl setup eks|--allocation-strategy') _batchctl_r='choices:BEST_FIT_PROGRESSIVE SPOT_CAPACITY_OPTIMIZED SPOT_PRICE_CAPACITY_OPTIMIZED' ;;
    'batchctl setup eks|--min-vcpus') _batchctl_r='' ;;
    'batchctl setup eks|--eks-cluster') _batchctl_r='' ;;
    'batchctl setup eks|--namespace') _batchctl_r='' ;;
    'batchctl setup eks|--manifests-dir') _batchctl_r='files' ;;
    'batchctl setup eks|--emit') _batchctl_r='choices:aws-cli' ;;
    'batchctl setup eks|--timeout') _batchctl_r='' ;;
    'batchctl teardown|--emit') _batchctl_r='choices:aws-cli' ;;
    'batchctl teardown|--timeout') _batchctl_r='' ;;
    'batchctl iam check|--platform') _batchctl_r='choices:fargate ec2 eks' ;;
    'batchctl iam check|--execution-role') _batchctl_r='' ;;
    'batchctl iam check|--instance-role') _batchctl_r='' ;;
    'batchctl iam check|--service-role') _batchctl_r='' ;;
    'batchctl iam create-roles|--tag') _batchctl_r='' ;;
    'batchctl iam create-roles|--emit') _batchctl_r='choices:aws-cli' ;;
    'batchctl iam create-roles|--execution-role') _batchctl_r='' ;;
    'batchctl iam create-roles|--instance-role') _batchctl_r='' ;;
    'batchctl iam create-roles|--service-role') _batchctl_r='' ;;
    'batchctl iam policy|--for') _batchctl_r='choices:read jobs logs setup iam-check iam-create-roles network teardown doctor' ;;
    'batchctl iam policy|--account-id') _batchctl_r='' ;;
    'batchctl iam policy|--partition') _batchctl_r='' ;;
    'batchctl iam policy|--pass-role') _batchctl_r='' ;;
    'batchctl network check|--platform') _batchctl_r='choices:fargate ec2 eks' ;;
    'batchctl network check|--vpc') _batchctl_r='' ;;
    'batchctl network check|--subnets') _batchctl_r='' ;;
    'batchctl network check|--security-groups') _batchctl_r='' ;;
    'batchctl network check|--image') _batchctl_r='' ;;
    'batchctl logs|--attempt') _batchctl_r='' ;;
    'batchctl logs|--index') _batchctl_r='' ;;
    'batchctl logs|--node') _batchctl_r='' ;;
    'batchctl logs|--container') _batchctl_r='' ;;
    'batchctl logs|--since') _batchctl_r='' ;;
    'batchctl logs|--tail') _batchctl_r='' ;;
    'batchctl logs|--format') _batchctl_r='choices:short json' ;;
    'batchctl top|--refresh') _batchctl_r='' ;;
    'batchctl top|--queue') _batchctl_r='kind:queue' ;;
    'batchctl policy create|--share-decay') _batchctl_r='' ;;
    'batchctl policy create|--compute-reservation') _batchctl_r='' ;;
    'batchctl policy create|--share') _batchctl_r='' ;;
    'batchctl policy create|--tag') _batchctl_r='' ;;
    'batchctl policy create|--input') _batchctl_r='files' ;;
    'batchctl policy update|--share-decay') _batchctl_r='' ;;
    'batchctl policy update|--compute-reservation') _batchctl_r='' ;;
    'batchctl policy update|--share') _batchctl_r='' ;;
    'batchctl policy update|--input') _batchctl_r='files' ;;
    'batchctl resource list|--name') _batchctl_r='' ;;
    'batchctl resource jobs|-s'|'batchctl resource jobs|--status') _batchctl_r='' ;;
    'batchctl resource jobs|--name') _batchctl_r='' ;;
    'batchctl resource create|--total') _batchctl_r='' ;;
    'batchctl resource create|--type') _batchctl_r='choices:REPLENISHABLE NON_REPLENISHABLE' ;;
    'batchctl resource create|--tag') _batchctl_r='' ;;
    'batchctl resource create|--input') _batchctl_r='files' ;;
    'batchctl resource update|--set') _batchctl_r='' ;;
    'batchctl resource update|--add') _batchctl_r='' ;;
    'batchctl resource update|--remove') _batchctl_r='' ;;
    'batchctl resource update|--client-token') _batchctl_r='' ;;
    'batchctl resource update|--input') _batchctl_r='files' ;;
    'batchctl tag|--kind') _batchctl_r='choices:ce queue jobdef policy resource' ;;
    'batchctl untag|--kind') _batchctl_r='choices:ce queue jobdef policy resource' ;;
    'batchctl sim run|--max') _batchctl_r='' ;;
    'batchctl sim faults set|--throttle-rate') _batchctl_r='' ;;
    'batchctl sim faults set|--spot-reclaim-rate') _batchctl_r='' ;;
    'batchctl sim faults set|--pull-failure-rate') _batchctl_r='' ;;
    'batchctl sim faults set|--capacity-shortage-rate') _batchctl_r='' ;;
    'batchctl sim eks create-cluster|--kubernetes-version') _batchctl_r='' ;;
    'batchctl sim eks create-cluster|--subnets') _batchctl_r='' ;;
    'batchctl sim eks create-cluster|--security-groups') _batchctl_r='' ;;
    'batchctl sim eks create-cluster|--role-arn') _batchctl_r='' ;;
    'batchctl completion|--write') _batchctl_r='files' ;;
    *'|--backend') _batchctl_r='choices:sim aws' ;;
    *'|--region') _batchctl_r='' ;;
    *'|--profile') _batchctl_r='' ;;
    *'|--endpoint-url') _batchctl_r='' ;;
    *'|-o'|*'|--output') _batchctl_r='choices:table wide json yaml text' ;;
    *'|--query') _batchctl_r='' ;;
    *'|--home') _batchctl_r='files' ;;
    *'|--sim-speed') _batchctl_r='' ;;
    *) _batchctl_r=''; return 1 ;;
  esac
}

# What completes the n-th positional argument of a command path.
_batchctl_arg() {
  case "$1|$2" in
    'batchctl ce describe|0') _batchctl_r='kind:ce' ;;
    'batchctl ce describe|'*) _batchctl_r='kind:ce' ;;
    'batchctl ce create|0') _batchctl_r='' ;;
    'batchctl ce update|0') _batchctl_r='kind:ce' ;;
    'batchctl ce enable|0') _batchctl_r='kind:ce' ;;
    'batchctl ce enable|'*) _batchctl_r='kind:ce' ;;
    'batchctl ce disable|0') _batchctl_r='kind:ce' ;;
    'batchctl ce disable|'*) _batchctl_r='kind:ce' ;;
    'batchctl ce delete|0') _batchctl_r='kind:ce' ;;
    'batchctl ce delete|'*) _batchctl_r='kind:ce' ;;
    'batchctl queue describe|0') _batchctl_r='kind:queue' ;;
    'batchctl queue describe|'*) _batchctl_r='kind:queue' ;;
    'batchctl queue snapshot|0') _batchctl_r='kind:queue' ;;
    'batchctl queue create|0') _batchctl_r='' ;;
    'batchctl queue update|0') _batchctl_r='kind:queue' ;;
    'batchctl queue enable|0') _batchctl_r='kind:queue' ;;
    'batchctl queue enable|'*) _batchctl_r='kind:queue' ;;
    'batchctl queue disable|0') _batchctl_r='kind:queue' ;;
    'batchctl queue disable|'*) _batchctl_r='kind:queue' ;;
    'batchctl queue delete|0') _batchctl_r='kind:queue' ;;
    'batchctl queue delete|'*) _batchctl_r='kind:queue' ;;
    'batchctl jobdef describe|0') _batchctl_r='kind:jobdef' ;;
    'batchctl jobdef describe|'*) _batchctl_r='kind:jobdef' ;;
    'batchctl jobdef register|0') _batchctl_r='' ;;
    'batchctl jobdef deregister|0') _batchctl_r='kind:jobdef' ;;
    'batchctl jobdef deregister|'*) _batchctl_r='kind:jobdef' ;;
    'batchctl jobdef validate|0') _batchctl_r='files' ;;
    'batchctl job describe|0') _batchctl_r='kind:job' ;;
    'batchctl job describe|'*) _batchctl_r='kind:job' ;;
    'batchctl job wait|0') _batchctl_r='kind:job' ;;
    'batchctl job wait|'*) _batchctl_r='kind:job' ;;
    'batchctl job cancel|0') _batchctl_r='kind:job' ;;
    'batchctl job cancel|'*) _batchctl_r='kind:job' ;;
    'batchctl job terminate|0') _batchctl_r='kind:job' ;;
    'batchctl job terminate|'*) _batchctl_r='kind:job' ;;
    'batchctl job stop|0') _batchctl_r='kind:job' ;;
    'batchctl job stop|'*) _batchctl_r='kind:job' ;;
    'batchctl setup fargate|0') _batchctl_r='' ;;
    'batchctl setup ec2|0') _batchctl_r='' ;;
    'batchctl setup eks|0') _batchctl_r='' ;;
    'batchctl teardown|0') _batchctl_r='' ;;
    'batchctl iam create-roles|0') _batchctl_r='choices:fargate ec2 eks' ;;
    'batchctl iam create-roles|'*) _batchctl_r='choices:fargate ec2 eks' ;;
    'batchctl logs|0') _batchctl_r='kind:job' ;;
    'batchctl logs|'*) _batchctl_r='kind:job' ;;
    'batchctl doctor|0') _batchctl_r='' ;;
    'batchctl doctor|'*) _batchctl_r='' ;;
    'batchctl policy describe|0') _batchctl_r='kind:policy' ;;
    'batchctl policy describe|'*) _batchctl_r='kind:policy' ;;
    'batchctl policy create|0') _batchctl_r='' ;;
    'batchctl policy update|0') _batchctl_r='kind:policy' ;;
    'batchctl policy delete|0') _batchctl_r='kind:policy' ;;
    'batchctl policy delete|'*) _batchctl_r='kind:policy' ;;
    'batchctl resource describe|0') _batchctl_r='kind:consumable' ;;
    'batchctl resource describe|'*) _batchctl_r='kind:consumable' ;;
    'batchctl resource jobs|0') _batchctl_r='kind:consumable' ;;
    'batchctl resource create|0') _batchctl_r='' ;;
    'batchctl resource update|0') _batchctl_r='kind:consumable' ;;
    'batchctl resource delete|0') _batchctl_r='kind:consumable' ;;
    'batchctl resource delete|'*) _batchctl_r='kind:consumable' ;;
    'batchctl tag|0') _batchctl_r='' ;;
    'batchctl tag|1') _batchctl_r='' ;;
    'batchctl tag|'*) _batchctl_r='' ;;
    'batchctl untag|0') _batchctl_r='' ;;
    'batchctl untag|1') _batchctl_r='' ;;
    'batchctl untag|'*) _batchctl_r='' ;;
    'batchctl sim advance|0') _batchctl_r='' ;;
    'batchctl sim speed|0') _batchctl_r='' ;;
    'batchctl sim scenario apply|0') _batchctl_r='' ;;
    'batchctl sim eks create-cluster|0') _batchctl_r='' ;;
    'batchctl sim eks delete-cluster|0') _batchctl_r='' ;;
    'batchctl config get|0') _batchctl_r='choices:backend region profile endpoint-url output home sim-speed color' ;;
    'batchctl config set|0') _batchctl_r='choices:backend region profile endpoint-url output home sim-speed color' ;;
    'batchctl config set|1') _batchctl_r='' ;;
    'batchctl config unset|0') _batchctl_r='choices:backend region profile endpoint-url output home sim-speed color' ;;
    'batchctl completion|0') _batchctl_r='choices:bash zsh fish' ;;
    *) _batchctl_r='' ;;
  esac
}

# Asks batchctl for resource names, in the world the command line names.
_batchctl_dynamic() {
  local -a extra=()
  local j w
  for ((j = 1; j < COMP_CWORD; j++)); do
    w="${COMP_WORDS[j]}"
    case "$w" in
      --backend|--region|--profile|--endpoint-url|--home)
        if [[ ${COMP_WORDS[j+1]} == = ]]; then extra+=("$w" "${COMP_WORDS[j+2]}"); else extra+=("$w" "${COMP_WORDS[j+1]}"); fi ;;
      --backend=*|--region=*|--profile=*|--endpoint-url=*|--home=*) extra+=("$w") ;;
    esac
  done
  local IFS=$'\n'
  COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "${extra[@]}" __complete "$1" "$2" 2>/dev/null </dev/null)" -- "$2"))
}

_batchctl_complete_value() {
  case "$1" in
    choices:*) COMPREPLY=($(compgen -W "${1#choices:}" -- "$2")) ;;
    kind:*) _batchctl_dynamic "${1#kind:}" "$2" ;;
    files) COMPREPLY=($(compgen -f -- "$2")); compopt -o filenames 2>/dev/null ;;
  esac
}

_batchctl() {
  local cur="${COMP_WORDS[COMP_CWORD]}" cpath=batchctl word opt='' eq='' expect='' npos=0 i _batchctl_r
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${COMP_WORDS[i]}"
    if [[ -n $expect ]]; then
      # The option's value (bash may split --opt=value into --opt, =, value).
      [[ $word == = ]] || expect=''
      continue
    fi
    case "$word" in
      --) ;;
      -*=*) ;;
      -*) if _batchctl_value "$cpath" "$word"; then expect="$word"; fi ;;
      *)
        _batchctl_canonical "$cpath" "$word"
        if [[ -n $_batchctl_r && $npos -eq 0 ]]; then cpath="$cpath $_batchctl_r"; else npos=$((npos + 1)); fi ;;
    esac
  done
  if [[ -n $expect ]]; then
    opt="$expect"
    [[ $cur == = ]] && cur=''
  elif [[ $cur == -*=* ]]; then
    # --opt=value as one word (when = is not in COMP_WORDBREAKS): candidates keep the --opt= part.
    opt="${cur%%=*}"
    eq="$opt="
    cur="${cur#*=}"
  fi
  if [[ -n $opt ]]; then
    _batchctl_value "$cpath" "$opt" && _batchctl_complete_value "$_batchctl_r" "$cur"
    [[ -n $eq ]] && COMPREPLY=("${COMPREPLY[@]/#/$eq}")
    return 0
  fi
  if [[ $cur == -* ]]; then
    _batchctl_options "$cpath"
    COMPREPLY=($(compgen -W "$_batchctl_r --backend --region --profile --endpoint-url -o --output --query --no-color --debug --home --sim-speed -y --yes --dry-run -h --help" -- "$cur"))
    return 0
  fi
  if ((npos == 0)); then
    _batchctl_children "$cpath"
    if [[ -n $_batchctl_r ]]; then
      COMPREPLY=($(compgen -W "$_batchctl_r" -- "$cur"))
      return 0
    fi
  fi
  _batchctl_arg "$cpath" "$npos"
  _batchctl_complete_value "$_batchctl_r" "$cur"
  return 0
}

complete -F _batchctl batchctl
