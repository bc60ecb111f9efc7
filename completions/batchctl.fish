# fish completion for batchctl.
# Generated from the command tree by `batchctl completion fish`: do not edit, run `npm run completions`.
# Install: copy this file to ~/.config/fish/completions/batchctl.fish
# Resource names come from `batchctl __complete <kind> <prefix>`, which asks the current world
# within one second.

function __batchctl_canonical --argument-names cmdpath word
  switch "$cmdpath|$word"
    case 'batchctl|demo'
      echo demo
    case 'batchctl|ce' 'batchctl|compute-environment'
      echo ce
    case 'batchctl|queue' 'batchctl|jq'
      echo queue
    case 'batchctl|jobdef' 'batchctl|jd'
      echo jobdef
    case 'batchctl|job' 'batchctl|jobs'
      echo job
    case 'batchctl|setup'
      echo setup
    case 'batchctl|teardown'
      echo teardown
    case 'batchctl|iam'
      echo iam
    case 'batchctl|network'
      echo network
    case 'batchctl|logs'
      echo logs
    case 'batchctl|doctor'
      echo doctor
    case 'batchctl|top'
      echo top
    case 'batchctl|policy'
      echo policy
    case 'batchctl|resource' 'batchctl|consumable' 'batchctl|cr'
      echo resource
    case 'batchctl|tag'
      echo tag
    case 'batchctl|untag'
      echo untag
    case 'batchctl|sim'
      echo sim
    case 'batchctl|config'
      echo config
    case 'batchctl|completion'
      echo completion
    case 'batchctl ce|list' 'batchctl ce|ls'
      echo list
    case 'batchctl ce|describe' 'batchctl ce|show'
      echo describe
    case 'batchctl ce|create'
      echo create
    case 'batchctl ce|update'
      echo update
    case 'batchctl ce|enable'
      echo enable
    case 'batchctl ce|disable'
      echo disable
    case 'batchctl ce|delete' 'batchctl ce|rm'
      echo delete
    case 'batchctl queue|list' 'batchctl queue|ls'
      echo list
    case 'batchctl queue|describe' 'batchctl queue|show'
      echo describe
    case 'batchctl queue|snapshot'
      echo snapshot
    case 'batchctl queue|create'
      echo create
    case 'batchctl queue|update'
      echo update
    case 'batchctl queue|enable'
      echo enable
    case 'batchctl queue|disable'
      echo disable
    case 'batchctl queue|delete' 'batchctl queue|rm'
      echo delete
    case 'batchctl jobdef|list' 'batchctl jobdef|ls'
      echo list
    case 'batchctl jobdef|describe' 'batchctl jobdef|show'
      echo describe
    case 'batchctl jobdef|register'
      echo register
    case 'batchctl jobdef|deregister'
      echo deregister
    case 'batchctl jobdef|validate' 'batchctl jobdef|lint'
      echo validate
    case 'batchctl jobdef|skeleton'
      echo skeleton
    case 'batchctl job|submit'
      echo submit
    case 'batchctl job|list' 'batchctl job|ls'
      echo list
    case 'batchctl job|describe' 'batchctl job|show'
      echo describe
    case 'batchctl job|wait'
      echo wait
    case 'batchctl job|cancel'
      echo cancel
    case 'batchctl job|terminate'
      echo terminate
    case 'batchctl job|stop'
      echo stop
    case 'batchctl setup|fargate'
      echo fargate
    case 'batchctl setup|ec2'
      echo ec2
    case 'batchctl setup|eks'
      echo eks
    case 'batchctl iam|check'
      echo check
    case 'batchctl iam|create-roles'
      echo create-roles
    case 'batchctl iam|policy'
      echo policy
    case 'batchctl network|check'
      echo check
    case 'batchctl policy|list' 'batchctl policy|ls'
      echo list
    case 'batchctl policy|describe' 'batchctl policy|show'
      echo describe
    case 'batchctl policy|create'
      echo create
    case 'batchctl policy|update'
      echo update
    case 'batchctl policy|delete' 'batchctl policy|rm'
      echo delete
    case 'batchctl resource|list' 'batchctl resource|ls'
      echo list
    case 'batchctl resource|describe' 'batchctl resource|show'
      echo describe
    case 'batchctl resource|jobs'
      echo jobs
    case 'batchctl resource|create'
      echo create
    case 'batchctl resource|update'
      echo update
    case 'batchctl resource|delete' 'batchctl resource|rm'
      echo delete
    case 'batchctl sim|status'
      echo status
    case 'batchctl sim|advance'
      echo advance
    case 'batchctl sim|speed'
      echo speed
    case 'batchctl sim|reset'
      echo reset
    case 'batchctl sim|scenario'
      echo scenario
    case 'batchctl sim|run'
      echo run
    case 'batchctl sim|faults'
      echo faults
    case 'batchctl sim|eks'
      echo eks
    case 'batchctl sim scenario|list' 'batchctl sim scenario|ls'
      echo list
    case 'batchctl sim scenario|apply'
      echo apply
    case 'batchctl sim faults|set'
      echo set
    case 'batchctl sim faults|show'
      echo show
    case 'batchctl sim faults|clear'
      echo clear
    case 'batchctl sim eks|create-cluster'
      echo create-cluster
    case 'batchctl sim eks|delete-cluster'
      echo delete-cluster
    case 'batchctl config|get'
      echo get
    case 'batchctl config|set'
      echo set
    case 'batchctl config|unset'
      echo unset
    case 'batchctl config|list' 'batchctl config|ls'
      echo list
    case 'batchctl config|path'
      echo path
  end
end

function __batchctl_takes_value --argument-names cmdpath opt
  switch "$cmdpath|$opt"
    case 'batchctl ce create|--type' 'batchctl ce create|--compute-type' 'batchctl ce create|--max-vcpus' 'batchctl ce create|--min-vcpus' 'batchctl ce create|--desired-vcpus' 'batchctl ce create|--instance-types' 'batchctl ce create|--subnets' 'batchctl ce create|--security-groups' 'batchctl ce create|--instance-role' 'batchctl ce create|--service-role' 'batchctl ce create|--allocation-strategy' 'batchctl ce create|--bid-percentage' 'batchctl ce create|--spot-fleet-role' 'batchctl ce create|--launch-template' 'batchctl ce create|--image-type' 'batchctl ce create|--eks-cluster' 'batchctl ce create|--namespace' 'batchctl ce create|--unmanaged-vcpus' 'batchctl ce create|--tag' 'batchctl ce create|--input' 'batchctl ce update|--max-vcpus' 'batchctl ce update|--min-vcpus' 'batchctl ce update|--desired-vcpus' 'batchctl ce update|--scale-down-delay' 'batchctl ce update|--instance-types' 'batchctl ce update|--subnets' 'batchctl ce update|--security-groups' 'batchctl ce update|--instance-role' 'batchctl ce update|--service-role' 'batchctl ce update|--allocation-strategy' 'batchctl ce update|--bid-percentage' 'batchctl ce update|--launch-template' 'batchctl ce update|--image-type' 'batchctl ce update|--job-execution-timeout' 'batchctl ce update|--unmanaged-vcpus' 'batchctl ce update|--input' 'batchctl queue create|--priority' 'batchctl queue create|--ce' 'batchctl queue create|--scheduling-policy' 'batchctl queue create|--state-time-limit' 'batchctl queue create|--tag' 'batchctl queue create|--input' 'batchctl queue update|--priority' 'batchctl queue update|--ce' 'batchctl queue update|--scheduling-policy' 'batchctl queue update|--state-time-limit' 'batchctl queue update|--input' 'batchctl jobdef list|--name' 'batchctl jobdef list|--status' 'batchctl jobdef register|--image' 'batchctl jobdef register|--command' 'batchctl jobdef register|--vcpus' 'batchctl jobdef register|--memory' 'batchctl jobdef register|--gpus' 'batchctl jobdef register|--platform' 'batchctl jobdef register|--execution-role' 'batchctl jobdef register|--job-role' 'batchctl jobdef register|--env' 'batchctl jobdef register|--parameter' 'batchctl jobdef register|--retry-attempts' 'batchctl jobdef register|--timeout' 'batchctl jobdef register|--log-group' 'batchctl jobdef register|--scheduling-priority' 'batchctl jobdef register|--consumable-resource' 'batchctl jobdef register|--tag' 'batchctl jobdef register|--input' 'batchctl jobdef skeleton|--platform' 'batchctl job submit|-q' 'batchctl job submit|--queue' 'batchctl job submit|-d' 'batchctl job submit|--definition' 'batchctl job submit|-n' 'batchctl job submit|--name' 'batchctl job submit|--array-size' 'batchctl job submit|--depends-on' 'batchctl job submit|--parameter' 'batchctl job submit|--env' 'batchctl job submit|--command' 'batchctl job submit|--vcpus' 'batchctl job submit|--memory' 'batchctl job submit|--gpus' 'batchctl job submit|--retry-attempts' 'batchctl job submit|--timeout' 'batchctl job submit|--share-identifier' 'batchctl job submit|--priority' 'batchctl job submit|--consumable-resource' 'batchctl job submit|--tag' 'batchctl job submit|--input' 'batchctl job submit|--wait-timeout' 'batchctl job list|-q' 'batchctl job list|--queue' 'batchctl job list|-s' 'batchctl job list|--status' 'batchctl job list|--name' 'batchctl job list|--definition' 'batchctl job list|--after' 'batchctl job list|--since' 'batchctl job list|--before' 'batchctl job list|--array-parent' 'batchctl job list|--multi-node-job' 'batchctl job list|-L' 'batchctl job list|--limit' 'batchctl job list|--interval' 'batchctl job wait|--timeout' 'batchctl job wait|-q' 'batchctl job wait|--queue' 'batchctl job wait|-s' 'batchctl job wait|--status' 'batchctl job wait|--name' 'batchctl job wait|--definition' 'batchctl job wait|--after' 'batchctl job wait|--before' 'batchctl job wait|--array-parent' 'batchctl job cancel|--reason' 'batchctl job cancel|-q' 'batchctl job cancel|--queue' 'batchctl job cancel|-s' 'batchctl job cancel|--status' 'batchctl job cancel|--name' 'batchctl job cancel|--definition' 'batchctl job cancel|--after' 'batchctl job cancel|--before' 'batchctl job cancel|--array-parent' 'batchctl job terminate|--reason' 'batchctl job terminate|-q' 'batchctl job terminate|--queue' 'batchctl job terminate|-s' 'batchctl job terminate|--status' 'batchctl job terminate|--name' 'batchctl job terminate|--definition' 'batchctl job terminate|--after' 'batchctl job terminate|--before' 'batchctl job terminate|--array-parent' 'batchctl job stop|--reason' 'batchctl job stop|-q' 'batchctl job stop|--queue' 'batchctl job stop|-s' 'batchctl job stop|--status' 'batchctl job stop|--name' 'batchctl job stop|--definition' 'batchctl job stop|--after' 'batchctl job stop|--before' 'batchctl job stop|--array-parent' 'batchctl setup fargate|--name' 'batchctl setup fargate|--max-vcpus' 'batchctl setup fargate|--subnets' 'batchctl setup fargate|--security-groups' 'batchctl setup fargate|--vpc' 'batchctl setup fargate|--ce-name' 'batchctl setup fargate|--queue-name' 'batchctl setup fargate|--priority' 'batchctl setup fargate|--job-definition-name' 'batchctl setup fargate|--image' 'batchctl setup fargate|--command' 'batchctl setup fargate|--vcpus' 'batchctl setup fargate|--memory' 'batchctl setup fargate|--job-name' 'batchctl setup fargate|--service-role' 'batchctl setup fargate|--execution-role' 'batchctl setup fargate|--emit' 'batchctl setup fargate|--timeout' 'batchctl setup ec2|--name' 'batchctl setup ec2|--max-vcpus' 'batchctl setup ec2|--subnets' 'batchctl setup ec2|--security-groups' 'batchctl setup ec2|--vpc' 'batchctl setup ec2|--ce-name' 'batchctl setup ec2|--queue-name' 'batchctl setup ec2|--priority' 'batchctl setup ec2|--job-definition-name' 'batchctl setup ec2|--image' 'batchctl setup ec2|--command' 'batchctl setup ec2|--vcpus' 'batchctl setup ec2|--memory' 'batchctl setup ec2|--job-name' 'batchctl setup ec2|--service-role' 'batchctl setup ec2|--instance-role' 'batchctl setup ec2|--instance-types' 'batchctl setup ec2|--allocation-strategy' 'batchctl setup ec2|--min-vcpus' 'batchctl setup ec2|--desired-vcpus' 'batchctl setup ec2|--bid-percentage' 'batchctl setup ec2|--key-pair' 'batchctl setup ec2|--emit' 'batchctl setup ec2|--timeout' 'batchctl setup eks|--name' 'batchctl setup eks|--max-vcpus' 'batchctl setup eks|--subnets' 'batchctl setup eks|--security-groups' 'batchctl setup eks|--vpc' 'batchctl setup eks|--ce-name' 'batchctl setup eks|--queue-name' 'batchctl setup eks|--priority' 'batchctl setup eks|--job-definition-name' 'batchctl setup eks|--image' 'batchctl setup eks|--command' 'batchctl setup eks|--vcpus' 'batchctl setup eks|--memory' 'batchctl setup eks|--job-name' 'batchctl setup eks|--service-role' 'batchctl setup eks|--instance-role' 'batchctl setup eks|--instance-types' 'batchctl setup eks|--allocation-strategy' 'batchctl setup eks|--min-vcpus' 'batchctl setup eks|--eks-cluster' 'batchctl setup eks|--namespace' 'batchctl setup eks|--manifests-dir' 'batchctl setup eks|--emit' 'batchctl setup eks|--timeout' 'batchctl teardown|--emit' 'batchctl teardown|--timeout' 'batchctl iam check|--platform' 'batchctl iam check|--execution-role' 'batchctl iam check|--instance-role' 'batchctl iam check|--service-role' 'batchctl iam create-roles|--tag' 'batchctl iam create-roles|--emit' 'batchctl iam create-roles|--execution-role' 'batchctl iam create-roles|--instance-role' 'batchctl iam create-roles|--service-role' 'batchctl iam policy|--for' 'batchctl iam policy|--account-id' 'batchctl iam policy|--partition' 'batchctl iam policy|--pass-role' 'batchctl network check|--platform' 'batchctl network check|--vpc' 'batchctl network check|--subnets' 'batchctl network check|--security-groups' 'batchctl network check|--image' 'batchctl logs|--attempt' 'batchctl logs|--index' 'batchctl logs|--node' 'batchctl logs|--container' 'batchctl logs|--since' 'batchctl logs|--tail' 'batchctl logs|--format' 'batchctl top|--refresh' 'batchctl top|--queue' 'batchctl policy create|--share-decay' 'batchctl policy create|--compute-reservation' 'batchctl policy create|--share' 'batchctl policy create|--tag' 'batchctl policy create|--input' 'batchctl policy update|--share-decay' 'batchctl policy update|--compute-reservation' 'batchctl policy update|--share' 'batchctl policy update|--input' 'batchctl resource list|--name' 'batchctl resource jobs|-s' 'batchctl resource jobs|--status' 'batchctl resource jobs|--name' 'batchctl resource create|--total' 'batchctl resource create|--type' 'batchctl resource create|--tag' 'batchctl resource create|--input' 'batchctl resource update|--set' 'batchctl resource update|--add' 'batchctl resource update|--remove' 'batchctl resource update|--client-token' 'batchctl resource update|--input' 'batchctl tag|--kind' 'batchctl untag|--kind' 'batchctl sim run|--max' 'batchctl sim faults set|--throttle-rate' 'batchctl sim faults set|--spot-reclaim-rate' 'batchctl sim faults set|--pull-failure-rate' 'batchctl sim faults set|--capacity-shortage-rate' 'batchctl sim eks create-cluster|--kubernetes-version' 'batchctl sim eks create-cluster|--subnets' 'batchctl sim eks create-cluster|--security-groups' 'batchctl sim eks create-cluster|--role-arn' 'batchctl completion|--write' '*|--backend' '*|--region' '*|--profile' '*|--endpoint-url' '*|-o' '*|--output' '*|--query' '*|--home' '*|--sim-speed'
      return 0
  end
  return 1
end

# Prints the command path, the number of positional arguments, and 1 when an option's value is due.
function __batchctl_state
  set -l tokens (commandline -opc)
  set -l cmdpath batchctl
  set -l npos 0
  set -l expect 0
  for w in $tokens[2..-1]
    if test $expect = 1
      set expect 0
      continue
    end
    switch $w
      case '--' '-*=*'
      case '-*'
        __batchctl_takes_value "$cmdpath" $w; and set expect 1
      case '*'
        set -l child (__batchctl_canonical "$cmdpath" $w)
        if test -n "$child"; and test $npos -eq 0
          set cmdpath "$cmdpath $child"
        else
          set npos (math $npos + 1)
        end
    end
  end
  printf '%s\n' $cmdpath $npos $expect
end

# Where a subcommand may come.
function __batchctl_at --argument-names want
  set -l s (__batchctl_state)
  test "$s[1]" = "$want"; and test $s[2] -eq 0; and test $s[3] = 0
end

# Inside a command (its options).
function __batchctl_in --argument-names want
  set -l s (__batchctl_state)
  test "$s[1]" = "$want"
end

# At positional argument n of a command (or later, for a variadic last argument).
function __batchctl_arg --argument-names want n variadic
  set -l s (__batchctl_state)
  test "$s[1]" = "$want"; and test $s[3] = 0; or return 1
  if test "$variadic" = 1
    test $s[2] -ge $n
  else
    test $s[2] -eq $n
  end
end

# Asks batchctl for resource names, in the world the command line names.
function __batchctl_dynamic --argument-names kind
  set -l current (commandline -ct)
  # An option being typed is no resource name (fish asks for every candidate source at once).
  if string match -q -- '-*' $current; and not string match -q -- '*=*' $current
    return
  end
  set -l tokens (commandline -opc)
  set -l extra
  for i in (seq 2 (count $tokens))
    switch $tokens[$i]
      case --backend --region --profile --endpoint-url --home
        set -l next (math $i + 1)
        set -q tokens[$next]; and set -a extra $tokens[$i] $tokens[$next]
      case '--backend=*' '--region=*' '--profile=*' '--endpoint-url=*' '--home=*'
        set -a extra $tokens[$i]
    end
  end
  set -l prefix (string replace -r -- '^-[^=]*=' '' $current)
  $tokens[1] $extra __complete $kind "$prefix" 2>/dev/null </dev/null
end

complete -c batchctl -f
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'demo' -d 'Try batchctl offline: the Fargate first run in the simulator, jobs and logs included'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'ce' -d 'Compute environments: create, list, describe, update, enable, disable, delete'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'compute-environment' -d 'Compute environments: create, list, describe, update, enable, disable, delete'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'queue' -d 'Job queues: create, list, describe, snapshot, update, enable, disable, delete'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'jq' -d 'Job queues: create, list, describe, snapshot, update, enable, disable, delete'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'jobdef' -d 'Job definitions: register, list, describe, deregister, validate, skeleton'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'jd' -d 'Job definitions: register, list, describe, deregister, validate, skeleton'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'job' -d 'Jobs: submit, list, describe, wait, cancel, terminate, stop'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'jobs' -d 'Jobs: submit, list, describe, wait, cancel, terminate, stop'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'setup' -d 'First-run wizards: a compute environment, job queue, job definition and hello-world job'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'teardown' -d 'Delete what a setup created (tagged batchctl:stack=NAME), in dependency order'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'iam' -d 'IAM for Batch: check roles and policies, create the missing ones, print the operator policy'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'network' -d 'Check subnets, routes and security groups for Batch'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'logs' -d 'Print or follow a job\'s CloudWatch logs (streams found from the job: attempts, array children, nodes, containers)'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'doctor' -d 'Explain why a job is stuck or failed, or what is wrong with a queue or compute environment'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'top' -d 'A full-screen dashboard: queues, jobs, logs and compute environments, live'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'policy' -d 'Fair-share scheduling policies: create, list, describe, update, delete'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'resource' -d 'Consumable resources: create, list, describe, update, delete, and the jobs that need one'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'consumable' -d 'Consumable resources: create, list, describe, update, delete, and the jobs that need one'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'cr' -d 'Consumable resources: create, list, describe, update, delete, and the jobs that need one'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'tag' -d 'Add or change tags on a compute environment, queue, job definition, policy or job'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'untag' -d 'Remove tags from a compute environment, queue, job definition, policy or job'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'sim' -d 'The simulator: status, advance its clock, change its speed, reset, scenarios, EKS clusters'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'config' -d 'Read and write settings in the config file'
complete -c batchctl -n '__batchctl_at \'batchctl\'' -a 'completion' -d 'Print a shell completion script (bash, zsh, fish)'
complete -c batchctl -n '__batchctl_in \'batchctl\'' -s v -l version -d 'print the version'
complete -c batchctl -n '__batchctl_in \'batchctl demo\'' -l top -d 'then open the dashboard (batchctl top) on the demo world'
complete -c batchctl -n '__batchctl_at \'batchctl ce\'' -a 'list' -d 'List compute environments'
complete -c batchctl -n '__batchctl_at \'batchctl ce\'' -a 'ls' -d 'List compute environments'
complete -c batchctl -n '__batchctl_at \'batchctl ce\'' -a 'describe' -d 'Show compute environments in detail'
complete -c batchctl -n '__batchctl_at \'batchctl ce\'' -a 'show' -d 'Show compute environments in detail'
complete -c batchctl -n '__batchctl_at \'batchctl ce\'' -a 'create' -d 'Create a compute environment (managed EC2/Spot/Fargate, EKS, or unmanaged)'
complete -c batchctl -n '__batchctl_at \'batchctl ce\'' -a 'update' -d 'Change a compute environment (vCPU bounds, instances, network, roles, AMI, update policy)'
complete -c batchctl -n '__batchctl_at \'batchctl ce\'' -a 'enable' -d 'Enable compute environments (queues may place jobs on them)'
complete -c batchctl -n '__batchctl_at \'batchctl ce\'' -a 'disable' -d 'Disable compute environments (no new jobs are placed; running jobs finish)'
complete -c batchctl -n '__batchctl_at \'batchctl ce\'' -a 'delete' -d 'Delete compute environments (disabling them first)'
complete -c batchctl -n '__batchctl_at \'batchctl ce\'' -a 'rm' -d 'Delete compute environments (disabling them first)'
complete -c batchctl -n '__batchctl_arg \'batchctl ce describe\' 0 1' -a '(__batchctl_dynamic ce)' -d 'compute environment names or ARNs'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l type -x -a 'MANAGED UNMANAGED' -d 'managed or unmanaged (default managed)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l compute-type -x -a 'EC2 SPOT FARGATE FARGATE_SPOT' -d 'capacity for a managed CE (default EC2)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l max-vcpus -x -d 'maximum vCPUs (managed)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l min-vcpus -x -d 'vCPUs kept even with no jobs (EC2/Spot)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l desired-vcpus -x -d 'initial desired vCPUs (EC2/Spot)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l instance-types -x -d 'instance types or families, comma-separated or repeated (e.g. optimal, m6i, c5.large)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l subnets -x -d 'subnet ids, comma-separated or repeated'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l security-groups -x -d 'security group ids, comma-separated or repeated'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l instance-role -x -d 'instance profile name or ARN for EC2/Spot instances (e.g. ecsInstanceRole)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l service-role -x -d 'service role ARN (default: the service-linked role; required for unmanaged)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l allocation-strategy -x -a 'BEST_FIT BEST_FIT_PROGRESSIVE SPOT_CAPACITY_OPTIMIZED SPOT_PRICE_CAPACITY_OPTIMIZED' -d 'how instances are chosen (EC2/Spot)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l bid-percentage -x -d 'Spot: maximum price as % of On-Demand (0-100)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l spot-fleet-role -x -d 'Spot Fleet role ARN (Spot with BEST_FIT)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l launch-template -x -d 'launch template: lt-… id or name, optionally :version ($Default, $Latest, N)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l image-type -x -a 'ECS_AL2023 ECS_AL2023_NVIDIA ECS_AL2 ECS_AL2_NVIDIA EKS_AL2023 EKS_AL2023_NVIDIA EKS_AL2 EKS_AL2_NVIDIA' -d 'AMI family (ec2Configuration imageType)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l eks-cluster -x -d 'EKS cluster name or ARN (makes an EKS compute environment)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l namespace -x -d 'Kubernetes namespace for an EKS compute environment'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l unmanaged-vcpus -x -d 'vCPUs available for scheduling (unmanaged)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l disabled -d 'disable it right after creating it (AWS creates compute environments ENABLED)'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l tag -x -d 'a tag (repeatable): key=value'
complete -c batchctl -n '__batchctl_in \'batchctl ce create\'' -l input -r -F -d 'a CreateComputeEnvironment request (JSON or YAML); flags override its fields'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l max-vcpus -x -d 'maximum vCPUs'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l min-vcpus -x -d 'minimum vCPUs'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l desired-vcpus -x -d 'desired vCPUs (may only be raised)'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l scale-down-delay -x -d 'minutes an idle instance is kept (0, or 20-10080)'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l instance-types -x -d 'instance types or families, comma-separated or repeated'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l subnets -x -d 'subnet ids, comma-separated or repeated'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l security-groups -x -d 'security group ids, comma-separated or repeated'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l instance-role -x -d 'instance profile name or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l service-role -x -d 'service role ARN'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l allocation-strategy -x -a 'BEST_FIT_PROGRESSIVE SPOT_CAPACITY_OPTIMIZED SPOT_PRICE_CAPACITY_OPTIMIZED' -d 'allocation strategy (BEST_FIT cannot be set by an update)'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l bid-percentage -x -d 'Spot: maximum price as % of On-Demand (0-100)'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l launch-template -x -d 'launch template: lt-… id or name, optionally :version'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l image-type -x -a 'ECS_AL2023 ECS_AL2023_NVIDIA ECS_AL2 ECS_AL2_NVIDIA EKS_AL2023 EKS_AL2023_NVIDIA EKS_AL2 EKS_AL2_NVIDIA' -d 'AMI family (ec2Configuration imageType)'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l update-to-latest-image -d 'move to the latest Batch-supported AMI (an infrastructure update)'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l terminate-jobs-on-update -d 'terminate running jobs at once instead of letting them finish'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l job-execution-timeout -x -d 'minutes running jobs may keep going during an infrastructure update (default 30)'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l unmanaged-vcpus -x -d 'vCPUs available for scheduling (unmanaged)'
complete -c batchctl -n '__batchctl_in \'batchctl ce update\'' -l input -r -F -d 'an UpdateComputeEnvironment request (JSON or YAML); flags override its fields'
complete -c batchctl -n '__batchctl_arg \'batchctl ce update\' 0 0' -a '(__batchctl_dynamic ce)' -d 'compute environment name or ARN (or computeEnvironment in --input)'
complete -c batchctl -n '__batchctl_arg \'batchctl ce enable\' 0 1' -a '(__batchctl_dynamic ce)' -d 'compute environment names or ARNs'
complete -c batchctl -n '__batchctl_arg \'batchctl ce disable\' 0 1' -a '(__batchctl_dynamic ce)' -d 'compute environment names or ARNs'
complete -c batchctl -n '__batchctl_arg \'batchctl ce delete\' 0 1' -a '(__batchctl_dynamic ce)' -d 'compute environment names or ARNs'
complete -c batchctl -n '__batchctl_at \'batchctl queue\'' -a 'list' -d 'List job queues'
complete -c batchctl -n '__batchctl_at \'batchctl queue\'' -a 'ls' -d 'List job queues'
complete -c batchctl -n '__batchctl_at \'batchctl queue\'' -a 'describe' -d 'Show job queues in detail'
complete -c batchctl -n '__batchctl_at \'batchctl queue\'' -a 'show' -d 'Show job queues in detail'
complete -c batchctl -n '__batchctl_at \'batchctl queue\'' -a 'snapshot' -d 'The front of a queue in dispatch order, capacity in use, and jobs per state'
complete -c batchctl -n '__batchctl_at \'batchctl queue\'' -a 'create' -d 'Create a job queue'
complete -c batchctl -n '__batchctl_at \'batchctl queue\'' -a 'update' -d 'Change a job queue: priority, compute environments, scheduling policy, time limits'
complete -c batchctl -n '__batchctl_at \'batchctl queue\'' -a 'enable' -d 'Enable job queues (they accept new jobs)'
complete -c batchctl -n '__batchctl_at \'batchctl queue\'' -a 'disable' -d 'Disable job queues (no new jobs; jobs already queued still run)'
complete -c batchctl -n '__batchctl_at \'batchctl queue\'' -a 'delete' -d 'Delete job queues (disabling them first)'
complete -c batchctl -n '__batchctl_at \'batchctl queue\'' -a 'rm' -d 'Delete job queues (disabling them first)'
complete -c batchctl -n '__batchctl_arg \'batchctl queue describe\' 0 1' -a '(__batchctl_dynamic queue)' -d 'job queue names or ARNs'
complete -c batchctl -n '__batchctl_arg \'batchctl queue snapshot\' 0 0' -a '(__batchctl_dynamic queue)' -d 'job queue name or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl queue create\'' -l priority -x -d 'queue priority: a higher number is scheduled first on shared compute environments'
complete -c batchctl -n '__batchctl_in \'batchctl queue create\'' -l ce -x -a '(__batchctl_dynamic ce)' -d 'compute environment NAME[:ORDER], repeatable up to 3 (order defaults to position)'
complete -c batchctl -n '__batchctl_in \'batchctl queue create\'' -l scheduling-policy -x -a '(__batchctl_dynamic policy)' -d 'fair-share scheduling policy name or ARN (default FIFO)'
complete -c batchctl -n '__batchctl_in \'batchctl queue create\'' -l state-time-limit -x -d 'cancel a job blocked at the head of the queue with REASON after DURATION (repeatable), e.g. INSUFFICIENT_INSTANCE_CAPACITY:4h'
complete -c batchctl -n '__batchctl_in \'batchctl queue create\'' -l disabled -d 'create it DISABLED (it accepts no new jobs)'
complete -c batchctl -n '__batchctl_in \'batchctl queue create\'' -l tag -x -d 'a tag (repeatable): key=value'
complete -c batchctl -n '__batchctl_in \'batchctl queue create\'' -l input -r -F -d 'a CreateJobQueue request (JSON or YAML); flags override its fields'
complete -c batchctl -n '__batchctl_in \'batchctl queue update\'' -l priority -x -d 'queue priority (higher first)'
complete -c batchctl -n '__batchctl_in \'batchctl queue update\'' -l ce -x -a '(__batchctl_dynamic ce)' -d 'compute environment NAME[:ORDER], repeatable up to 3: replaces the whole order'
complete -c batchctl -n '__batchctl_in \'batchctl queue update\'' -l scheduling-policy -x -a '(__batchctl_dynamic policy)' -d 'scheduling policy name or ARN (a FIFO queue cannot get one; a policy can be replaced, not removed)'
complete -c batchctl -n '__batchctl_in \'batchctl queue update\'' -l state-time-limit -x -d 'replaces the time limits: REASON:DURATION (repeatable)'
complete -c batchctl -n '__batchctl_in \'batchctl queue update\'' -l clear-state-time-limits -d 'remove every time limit'
complete -c batchctl -n '__batchctl_in \'batchctl queue update\'' -l input -r -F -d 'an UpdateJobQueue request (JSON or YAML); flags override its fields'
complete -c batchctl -n '__batchctl_arg \'batchctl queue update\' 0 0' -a '(__batchctl_dynamic queue)' -d 'job queue name or ARN (or jobQueue in --input)'
complete -c batchctl -n '__batchctl_arg \'batchctl queue enable\' 0 1' -a '(__batchctl_dynamic queue)' -d 'job queue names or ARNs'
complete -c batchctl -n '__batchctl_arg \'batchctl queue disable\' 0 1' -a '(__batchctl_dynamic queue)' -d 'job queue names or ARNs'
complete -c batchctl -n '__batchctl_arg \'batchctl queue delete\' 0 1' -a '(__batchctl_dynamic queue)' -d 'job queue names or ARNs'
complete -c batchctl -n '__batchctl_at \'batchctl jobdef\'' -a 'list' -d 'List job definitions (the latest ACTIVE revision of each name)'
complete -c batchctl -n '__batchctl_at \'batchctl jobdef\'' -a 'ls' -d 'List job definitions (the latest ACTIVE revision of each name)'
complete -c batchctl -n '__batchctl_at \'batchctl jobdef\'' -a 'describe' -d 'Show job definitions in detail'
complete -c batchctl -n '__batchctl_at \'batchctl jobdef\'' -a 'show' -d 'Show job definitions in detail'
complete -c batchctl -n '__batchctl_at \'batchctl jobdef\'' -a 'register' -d 'Register a job definition (a new revision when the name exists)'
complete -c batchctl -n '__batchctl_at \'batchctl jobdef\'' -a 'deregister' -d 'Deregister job definition revisions (they become INACTIVE)'
complete -c batchctl -n '__batchctl_at \'batchctl jobdef\'' -a 'validate' -d 'Check a job definition file locally (no AWS call): errors and warnings with field paths'
complete -c batchctl -n '__batchctl_at \'batchctl jobdef\'' -a 'lint' -d 'Check a job definition file locally (no AWS call): errors and warnings with field paths'
complete -c batchctl -n '__batchctl_at \'batchctl jobdef\'' -a 'skeleton' -d 'Print a commented job definition template (YAML; -o json for JSON)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef list\'' -l name -x -a '(__batchctl_dynamic jobdef)' -d 'only this job definition name'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef list\'' -l status -x -a 'ACTIVE INACTIVE ALL' -d 'ACTIVE, INACTIVE or ALL'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef list\'' -l all-revisions -d 'every revision, not only the latest of each name'
complete -c batchctl -n '__batchctl_arg \'batchctl jobdef describe\' 0 1' -a '(__batchctl_dynamic jobdef)' -d 'name (latest ACTIVE revision), name:revision or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l image -x -d 'container image, e.g. public.ecr.aws/docker/library/busybox:latest'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l command -x -d 'the command, split like a shell: "sh -c \'echo $HOME\'"'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l vcpus -x -d 'vCPUs (EC2: whole numbers; Fargate: 0.25-16) (default 1 without --input)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l memory -x -d 'memory in MiB (default 2048 without --input)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l gpus -x -d 'GPUs (EC2 only)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l platform -x -a 'EC2 FARGATE' -d 'EC2 or FARGATE (default EC2)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l execution-role -x -d 'execution role ARN (required on Fargate)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l job-role -x -d 'the container\'s IAM role ARN'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l env -x -d 'an environment variable (repeatable)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l parameter -x -d 'a default for a Ref::key placeholder in the command (repeatable)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l retry-attempts -x -d 'attempts before the job fails (1-10)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l timeout -x -d 'kill an attempt after this long: 90s, 10m, 2h (at least 60s)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l log-group -x -d 'CloudWatch Logs group (awslogs driver; default /aws/batch/job)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l public-ip -d 'Fargate: give the task a public IP (subnets without a NAT gateway need one)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l scheduling-priority -x -d 'priority within a fair-share queue (0-9999, higher first)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l propagate-tags -d 'copy the job\'s and definition\'s tags to the ECS task'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l consumable-resource -x -a '(__batchctl_dynamic consumable)' -d 'a consumable resource each job instance needs, N units (default 1; repeatable, at most 5)'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l tag -x -d 'a tag (repeatable): key=value'
complete -c batchctl -n '__batchctl_in \'batchctl jobdef register\'' -l input -r -F -d 'a RegisterJobDefinition request (JSON or YAML; see `jobdef skeleton`); flags override its fields'
complete -c batchctl -n '__batchctl_arg \'batchctl jobdef deregister\' 0 1' -a '(__batchctl_dynamic jobdef)' -d 'name:revision or ARN (a bare name means its latest ACTIVE revision)'
complete -c batchctl -n '__batchctl_arg \'batchctl jobdef validate\' 0 0' -F
complete -c batchctl -n '__batchctl_in \'batchctl jobdef skeleton\'' -l platform -x -a 'ec2 fargate eks multinode' -d 'which kind of job definition'
complete -c batchctl -n '__batchctl_at \'batchctl job\'' -a 'submit' -d 'Submit a job (prints its id)'
complete -c batchctl -n '__batchctl_at \'batchctl job\'' -a 'list' -d 'List jobs in every state (newest first), with a count per state'
complete -c batchctl -n '__batchctl_at \'batchctl job\'' -a 'ls' -d 'List jobs in every state (newest first), with a count per state'
complete -c batchctl -n '__batchctl_at \'batchctl job\'' -a 'describe' -d 'Show jobs in detail: status, timings, attempts, dependencies, array children, nodes, logs'
complete -c batchctl -n '__batchctl_at \'batchctl job\'' -a 'show' -d 'Show jobs in detail: status, timings, attempts, dependencies, array children, nodes, logs'
complete -c batchctl -n '__batchctl_at \'batchctl job\'' -a 'wait' -d 'Wait until jobs finish: exit 0 if all SUCCEEDED, 1 if any FAILED, 8 on --timeout'
complete -c batchctl -n '__batchctl_at \'batchctl job\'' -a 'cancel' -d 'Cancel jobs that have not started (SUBMITTED, PENDING, RUNNABLE)'
complete -c batchctl -n '__batchctl_at \'batchctl job\'' -a 'terminate' -d 'Terminate jobs, running ones included'
complete -c batchctl -n '__batchctl_at \'batchctl job\'' -a 'stop' -d 'Cancel or terminate each job, whichever its state needs'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -s q -l queue -x -a '(__batchctl_dynamic queue)' -d 'job queue name or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -s d -l definition -x -a '(__batchctl_dynamic jobdef)' -d 'job definition: name (latest ACTIVE revision), name:rev or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -s n -l name -x -d 'job name (default: the definition name)'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l array-size -x -d 'an array job of N children (2-10000)'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l depends-on -x -a '(__batchctl_dynamic job)' -d 'run after this job succeeds (repeatable): ID, ID:N_TO_N, or SEQUENTIAL'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l parameter -x -d 'a value for Ref::key in the command (repeatable)'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l env -x -d 'an environment variable (repeatable)'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l command -x -d 'override the command, split like a shell: "sh -c \'echo $HOME\'"'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l vcpus -x -d 'override vCPUs'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l memory -x -d 'override memory in MiB'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l gpus -x -d 'override GPUs'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l retry-attempts -x -d 'attempts before the job fails (1-10)'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l timeout -x -d 'kill an attempt after this long: 90s, 10m, 2h (at least 60s)'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l share-identifier -x -d 'fair-share identifier (required on fair-share queues)'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l priority -x -d 'scheduling priority within the share, 0-9999 (fair-share queues)'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l consumable-resource -x -a '(__batchctl_dynamic consumable)' -d 'override the definition\'s consumable resources: NAME[:N] (repeatable; replaces the whole list)'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l tag -x -d 'a tag (repeatable): key=value'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l input -r -F -d 'a SubmitJob request (JSON or YAML, the API shape); flags override its fields'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l wait -d 'wait until the job finishes (as `job wait`: exit 0, 1 or 8)'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l follow -d 'then follow its logs until it ends (batchctl logs --follow); exit 1 if it FAILED'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l wait-timeout -x -d 'with --wait/--follow: give up after this long, exit 8'
complete -c batchctl -n '__batchctl_in \'batchctl job submit\'' -l quiet -d 'print the job id only'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -s q -l queue -x -a '(__batchctl_dynamic queue)' -d 'job queue name or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -s s -l status -x -d 'only this status (default: all seven) (repeatable, or comma-separated)'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -l name -x -d 'job name glob, * and ? (case-insensitive)'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -l definition -x -a '(__batchctl_dynamic jobdef)' -d 'job definition: name (any revision), name:rev or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -l after -x -d 'created at or after: a duration ago (10m, 2h, 1d) or an ISO date'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -l since -x -d 'same as --after'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -l before -x -d 'created before: a duration ago (10m, 2h, 1d) or an ISO date'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -l array-parent -x -d 'an array job\'s id: select its children'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -l multi-node-job -x -d 'a multi-node parallel job\'s id: select its nodes (id#N)'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -s L -l limit -x -d 'the newest N jobs (default 100)'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -s A -l all -d 'every matching job (no limit; exact counts)'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -s w -l watch -d 'refresh until Ctrl-C: in place on a terminal, changes only otherwise'
complete -c batchctl -n '__batchctl_in \'batchctl job list\'' -l interval -x -d 'with --watch: time between refreshes (default 2s, at least 1s)'
complete -c batchctl -n '__batchctl_arg \'batchctl job describe\' 0 1' -a '(__batchctl_dynamic job)' -d 'job ids (array children as ID:INDEX, multi-node nodes as ID#NODE)'
complete -c batchctl -n '__batchctl_in \'batchctl job wait\'' -l timeout -x -d 'give up after this long, exit 8: 90s, 10m, 2h'
complete -c batchctl -n '__batchctl_in \'batchctl job wait\'' -s q -l queue -x -a '(__batchctl_dynamic queue)' -d 'job queue name or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job wait\'' -s s -l status -x -d 'only jobs in this status (default: every active status) (repeatable, or comma-separated)'
complete -c batchctl -n '__batchctl_in \'batchctl job wait\'' -l name -x -d 'job name glob, * and ? (case-insensitive)'
complete -c batchctl -n '__batchctl_in \'batchctl job wait\'' -l definition -x -a '(__batchctl_dynamic jobdef)' -d 'job definition: name (any revision), name:rev or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job wait\'' -l after -x -d 'created at or after: a duration ago (10m, 2h, 1d) or an ISO date'
complete -c batchctl -n '__batchctl_in \'batchctl job wait\'' -l before -x -d 'created before: a duration ago (10m, 2h, 1d) or an ISO date'
complete -c batchctl -n '__batchctl_in \'batchctl job wait\'' -l array-parent -x -d 'an array job\'s id: select its children'
complete -c batchctl -n '__batchctl_arg \'batchctl job wait\' 0 1' -a '(__batchctl_dynamic job)' -d 'job ids (or select jobs with --queue and the filters below)'
complete -c batchctl -n '__batchctl_in \'batchctl job cancel\'' -l reason -x -d 'why (recorded as the job\'s statusReason; default "Cancelled by batchctl")'
complete -c batchctl -n '__batchctl_in \'batchctl job cancel\'' -s q -l queue -x -a '(__batchctl_dynamic queue)' -d 'job queue name or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job cancel\'' -s s -l status -x -d 'only this status (default: SUBMITTED, PENDING, RUNNABLE) (repeatable, or comma-separated)'
complete -c batchctl -n '__batchctl_in \'batchctl job cancel\'' -l name -x -d 'job name glob, * and ? (case-insensitive)'
complete -c batchctl -n '__batchctl_in \'batchctl job cancel\'' -l definition -x -a '(__batchctl_dynamic jobdef)' -d 'job definition: name (any revision), name:rev or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job cancel\'' -l after -x -d 'created at or after: a duration ago (10m, 2h, 1d) or an ISO date'
complete -c batchctl -n '__batchctl_in \'batchctl job cancel\'' -l before -x -d 'created before: a duration ago (10m, 2h, 1d) or an ISO date'
complete -c batchctl -n '__batchctl_in \'batchctl job cancel\'' -l array-parent -x -d 'an array job\'s id: select its children'
complete -c batchctl -n '__batchctl_arg \'batchctl job cancel\' 0 1' -a '(__batchctl_dynamic job)' -d 'job ids (or select jobs with --queue and the filters below)'
complete -c batchctl -n '__batchctl_in \'batchctl job terminate\'' -l reason -x -d 'why (recorded as the job\'s statusReason; default "Terminated by batchctl")'
complete -c batchctl -n '__batchctl_in \'batchctl job terminate\'' -s q -l queue -x -a '(__batchctl_dynamic queue)' -d 'job queue name or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job terminate\'' -s s -l status -x -d 'only this status (default: every active status) (repeatable, or comma-separated)'
complete -c batchctl -n '__batchctl_in \'batchctl job terminate\'' -l name -x -d 'job name glob, * and ? (case-insensitive)'
complete -c batchctl -n '__batchctl_in \'batchctl job terminate\'' -l definition -x -a '(__batchctl_dynamic jobdef)' -d 'job definition: name (any revision), name:rev or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job terminate\'' -l after -x -d 'created at or after: a duration ago (10m, 2h, 1d) or an ISO date'
complete -c batchctl -n '__batchctl_in \'batchctl job terminate\'' -l before -x -d 'created before: a duration ago (10m, 2h, 1d) or an ISO date'
complete -c batchctl -n '__batchctl_in \'batchctl job terminate\'' -l array-parent -x -d 'an array job\'s id: select its children'
complete -c batchctl -n '__batchctl_arg \'batchctl job terminate\' 0 1' -a '(__batchctl_dynamic job)' -d 'job ids (or select jobs with --queue and the filters below)'
complete -c batchctl -n '__batchctl_in \'batchctl job stop\'' -l reason -x -d 'why (recorded as the job\'s statusReason; default "Stopped by batchctl")'
complete -c batchctl -n '__batchctl_in \'batchctl job stop\'' -s q -l queue -x -a '(__batchctl_dynamic queue)' -d 'job queue name or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job stop\'' -s s -l status -x -d 'only this status (default: every active status) (repeatable, or comma-separated)'
complete -c batchctl -n '__batchctl_in \'batchctl job stop\'' -l name -x -d 'job name glob, * and ? (case-insensitive)'
complete -c batchctl -n '__batchctl_in \'batchctl job stop\'' -l definition -x -a '(__batchctl_dynamic jobdef)' -d 'job definition: name (any revision), name:rev or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl job stop\'' -l after -x -d 'created at or after: a duration ago (10m, 2h, 1d) or an ISO date'
complete -c batchctl -n '__batchctl_in \'batchctl job stop\'' -l before -x -d 'created before: a duration ago (10m, 2h, 1d) or an ISO date'
complete -c batchctl -n '__batchctl_in \'batchctl job stop\'' -l array-parent -x -d 'an array job\'s id: select its children'
complete -c batchctl -n '__batchctl_arg \'batchctl job stop\' 0 1' -a '(__batchctl_dynamic job)' -d 'job ids (or select jobs with --queue and the filters below)'
complete -c batchctl -n '__batchctl_at \'batchctl setup\'' -a 'fargate' -d 'Fargate: compute environment, queue (priority 900), job definition with public IP, hello-world job'
complete -c batchctl -n '__batchctl_at \'batchctl setup\'' -a 'ec2' -d 'EC2: compute environment (optimal instances, ecsInstanceRole), queue, job definition, hello-world job'
complete -c batchctl -n '__batchctl_at \'batchctl setup\'' -a 'eks' -d 'EKS: compute environment on an existing cluster, queue (priority 10), pod job definition, hello-world job'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l name -x -d 'the stack name (same as the NAME argument)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l max-vcpus -x -d 'maximum vCPUs of the compute environment (default 128)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l subnets -x -d 'subnet ids, comma-separated or repeated (default: the VPC\'s subnets)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l security-groups -x -d 'security group ids, comma-separated or repeated (default: the VPC\'s default group)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l vpc -x -d 'take subnets and the default security group from this VPC (default: the default VPC)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l spot -d 'FARGATE_SPOT capacity'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l ce-name -x -d 'compute environment name (default NAME-ce)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l queue-name -x -d 'job queue name (default NAME-queue)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l priority -x -d 'job queue priority (default 900)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l job-definition-name -x -d 'job definition name (default NAME-job-def)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l image -x -d 'container image (default public.ecr.aws/amazonlinux/amazonlinux:latest)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l command -x -d 'the job\'s command, split like a shell (default "echo hello world")'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l vcpus -x -d 'vCPUs for the job (default 0.25)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l memory -x -d 'memory for the job in MiB (default 512)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l job-name -x -d 'name of the hello-world job (default NAME-hello-world)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l no-job -d 'do not submit the hello-world job'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l no-create-roles -d 'do not create missing IAM roles (a missing role is then an error)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l service-role -x -d 'a custom service role for the compute environment, as a full ARN (default: the service-linked role)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l execution-role -x -d 'task execution role (default ecsTaskExecutionRole; created when missing)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l assign-public-ip -d 'tasks get a public IP, to pull public images from a public subnet (the default)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l no-assign-public-ip -d 'tasks get no public IP (private subnets with a NAT gateway or VPC endpoints)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l emit -x -a 'aws-cli' -d 'with --dry-run: print the plan as equivalent commands'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l timeout -x -d 'how long to wait for each resource and for the job (default 15m for a compute environment, 10m for a queue, 15m for the job)'
complete -c batchctl -n '__batchctl_in \'batchctl setup fargate\'' -l ignore-checks -d 'create the stack even when a network preflight check FAILs'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l name -x -d 'the stack name (same as the NAME argument)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l max-vcpus -x -d 'maximum vCPUs of the compute environment (default 256)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l subnets -x -d 'subnet ids, comma-separated or repeated (default: the VPC\'s subnets)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l security-groups -x -d 'security group ids, comma-separated or repeated (default: the VPC\'s default group)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l vpc -x -d 'take subnets and the default security group from this VPC (default: the default VPC)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l spot -d 'Spot instances'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l ce-name -x -d 'compute environment name (default NAME-ce)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l queue-name -x -d 'job queue name (default NAME-queue)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l priority -x -d 'job queue priority (default 1)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l job-definition-name -x -d 'job definition name (default NAME-job-def)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l image -x -d 'container image (default public.ecr.aws/amazonlinux/amazonlinux:latest)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l command -x -d 'the job\'s command, split like a shell (default "echo hello world")'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l vcpus -x -d 'vCPUs for the job (default 1)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l memory -x -d 'memory for the job in MiB (default 2048)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l job-name -x -d 'name of the hello-world job (default NAME-hello-world)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l no-job -d 'do not submit the hello-world job'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l no-create-roles -d 'do not create missing IAM roles (a missing role is then an error)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l service-role -x -d 'a custom service role for the compute environment, as a full ARN (default: the service-linked role)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l instance-role -x -d 'instance profile for the instances (default ecsInstanceRole; created when missing)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l instance-types -x -d 'instance types or families, comma-separated or repeated (default optimal)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l allocation-strategy -x -a 'BEST_FIT BEST_FIT_PROGRESSIVE SPOT_CAPACITY_OPTIMIZED SPOT_PRICE_CAPACITY_OPTIMIZED' -d 'how instances are chosen (default BEST_FIT_PROGRESSIVE; SPOT_PRICE_CAPACITY_OPTIMIZED with --spot)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l min-vcpus -x -d 'vCPUs kept running with no jobs (default 0)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l desired-vcpus -x -d 'initial desired vCPUs (default 0)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l bid-percentage -x -d 'Spot: maximum price as % of On-Demand'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l key-pair -x -d 'EC2 key pair for SSH to the instances'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l emit -x -a 'aws-cli' -d 'with --dry-run: print the plan as equivalent commands'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l timeout -x -d 'how long to wait for each resource and for the job (default 15m for a compute environment, 10m for a queue, 15m for the job)'
complete -c batchctl -n '__batchctl_in \'batchctl setup ec2\'' -l ignore-checks -d 'create the stack even when a network preflight check FAILs'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l name -x -d 'the stack name (same as the NAME argument)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l max-vcpus -x -d 'maximum vCPUs of the compute environment (default 128)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l subnets -x -d 'subnet ids, comma-separated or repeated (default: the VPC\'s subnets)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l security-groups -x -d 'security group ids, comma-separated or repeated (default: the VPC\'s default group)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l vpc -x -d 'take subnets and the default security group from this VPC (default: the default VPC)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l spot -d 'Spot instances'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l ce-name -x -d 'compute environment name (default NAME-ce)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l queue-name -x -d 'job queue name (default NAME-queue)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l priority -x -d 'job queue priority (default 10)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l job-definition-name -x -d 'job definition name (default NAME-job-def)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l image -x -d 'container image (default public.ecr.aws/amazonlinux/amazonlinux:latest)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l command -x -d 'the job\'s command, split like a shell (default "echo hello world")'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l vcpus -x -d 'vCPUs for the job (default 1)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l memory -x -d 'memory for the job in MiB (default 1024)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l job-name -x -d 'name of the hello-world job (default NAME-hello-world)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l no-job -d 'do not submit the hello-world job'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l no-create-roles -d 'do not create missing IAM roles (a missing role is then an error)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l service-role -x -d 'a custom service role for the compute environment, as a full ARN (default: the service-linked role)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l instance-role -x -d 'the node instance profile eksctl created for the node group (required)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l instance-types -x -d 'instance types or families, comma-separated or repeated (default m5)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l allocation-strategy -x -a 'BEST_FIT_PROGRESSIVE SPOT_CAPACITY_OPTIMIZED SPOT_PRICE_CAPACITY_OPTIMIZED' -d 'how instances are chosen (default BEST_FIT_PROGRESSIVE; SPOT_PRICE_CAPACITY_OPTIMIZED with --spot)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l min-vcpus -x -d 'vCPUs kept running with no jobs (default 0)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l eks-cluster -x -d 'the EKS cluster (required; batchctl does not create clusters)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l namespace -x -d 'Kubernetes namespace for the Batch pods (default aws-batch-NAME)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l private -d 'a private cluster: the node role needs ECR pull access and the image must be in ECR'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l manifests-dir -r -F -d 'where to write the Kubernetes manifests (default ./batchctl-NAME-eks)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l emit -x -a 'aws-cli' -d 'with --dry-run: print the plan as equivalent commands'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l timeout -x -d 'how long to wait for each resource and for the job (default 15m for a compute environment, 10m for a queue, 15m for the job)'
complete -c batchctl -n '__batchctl_in \'batchctl setup eks\'' -l ignore-checks -d 'create the stack even when a network preflight check FAILs'
complete -c batchctl -n '__batchctl_in \'batchctl teardown\'' -l roles -d 'also delete the IAM roles and instance profiles the stack created (they may be shared)'
complete -c batchctl -n '__batchctl_in \'batchctl teardown\'' -l emit -x -a 'aws-cli' -d 'with --dry-run: print the plan as equivalent commands'
complete -c batchctl -n '__batchctl_in \'batchctl teardown\'' -l timeout -x -d 'how long to wait for each queue and compute environment to settle (default 10m / 15m)'
complete -c batchctl -n '__batchctl_at \'batchctl iam\'' -a 'check' -d 'Check the IAM roles, instance profiles, trust and policies Batch needs'
complete -c batchctl -n '__batchctl_at \'batchctl iam\'' -a 'create-roles' -d 'Create the IAM roles and instance profiles Batch needs that are missing (a plan)'
complete -c batchctl -n '__batchctl_at \'batchctl iam\'' -a 'policy' -d 'Print the least-privilege IAM policy an operator needs for batchctl'
complete -c batchctl -n '__batchctl_in \'batchctl iam check\'' -l platform -x -a 'fargate ec2 eks' -d 'fargate, ec2 or eks (default: fargate and ec2)'
complete -c batchctl -n '__batchctl_in \'batchctl iam check\'' -l verbose -d 'show the evidence of passing checks too'
complete -c batchctl -n '__batchctl_in \'batchctl iam check\'' -l execution-role -x -d 'Fargate: the task execution role (default ecsTaskExecutionRole)'
complete -c batchctl -n '__batchctl_in \'batchctl iam check\'' -l instance-role -x -d 'EC2: the instance profile (default ecsInstanceRole); EKS: the node instance profile (required)'
complete -c batchctl -n '__batchctl_in \'batchctl iam check\'' -l service-role -x -d 'a custom compute environment service role to check (default: the service-linked role)'
complete -c batchctl -n '__batchctl_in \'batchctl iam check\'' -l private -d 'EKS private cluster: the node role also needs AmazonEC2ContainerRegistryPullOnly'
complete -c batchctl -n '__batchctl_in \'batchctl iam create-roles\'' -l tag -x -d 'tag the roles and instance profiles it creates (repeatable): key=value'
complete -c batchctl -n '__batchctl_in \'batchctl iam create-roles\'' -l emit -x -a 'aws-cli' -d 'with --dry-run: print the plan as equivalent commands'
complete -c batchctl -n '__batchctl_in \'batchctl iam create-roles\'' -l execution-role -x -d 'Fargate: the task execution role (default ecsTaskExecutionRole)'
complete -c batchctl -n '__batchctl_in \'batchctl iam create-roles\'' -l instance-role -x -d 'EC2: the instance profile (default ecsInstanceRole); EKS: the node instance profile (required)'
complete -c batchctl -n '__batchctl_in \'batchctl iam create-roles\'' -l service-role -x -d 'a custom compute environment service role to check (default: the service-linked role)'
complete -c batchctl -n '__batchctl_in \'batchctl iam create-roles\'' -l private -d 'EKS private cluster: the node role also needs AmazonEC2ContainerRegistryPullOnly'
complete -c batchctl -n '__batchctl_arg \'batchctl iam create-roles\' 0 1' -a 'fargate ec2 eks' -d 'fargate, ec2 or eks (default: fargate and ec2)'
complete -c batchctl -n '__batchctl_in \'batchctl iam policy\'' -l for -x -a 'read jobs logs setup iam-check iam-create-roles network teardown doctor' -d 'only what these command groups need (default: all)'
complete -c batchctl -n '__batchctl_in \'batchctl iam policy\'' -l account-id -x -d 'limit resource ARNs to this account (default: any account, *)'
complete -c batchctl -n '__batchctl_in \'batchctl iam policy\'' -l partition -x -d 'ARN partition (aws, aws-cn, aws-us-gov)'
complete -c batchctl -n '__batchctl_in \'batchctl iam policy\'' -l pass-role -x -d 'the roles batchctl may pass to Batch (default ecsInstanceRole ecsTaskExecutionRole)'
complete -c batchctl -n '__batchctl_at \'batchctl network\'' -a 'check' -d 'Check that subnets and security groups can run Batch jobs (routes, endpoints, egress)'
complete -c batchctl -n '__batchctl_in \'batchctl network check\'' -l platform -x -a 'fargate ec2 eks' -d 'what will run there'
complete -c batchctl -n '__batchctl_in \'batchctl network check\'' -l vpc -x -d 'check this VPC\'s subnets and default security group (default: the default VPC)'
complete -c batchctl -n '__batchctl_in \'batchctl network check\'' -l subnets -x -d 'subnet ids, comma-separated or repeated'
complete -c batchctl -n '__batchctl_in \'batchctl network check\'' -l security-groups -x -d 'security group ids, comma-separated or repeated'
complete -c batchctl -n '__batchctl_in \'batchctl network check\'' -l assign-public-ip -d 'Fargate: tasks get a public IP (the wizard\'s default)'
complete -c batchctl -n '__batchctl_in \'batchctl network check\'' -l no-assign-public-ip -d 'Fargate: tasks get no public IP (private subnets behind NAT or endpoints)'
complete -c batchctl -n '__batchctl_in \'batchctl network check\'' -l image -x -d 'the job image, to tell a public registry from this region\'s ECR'
complete -c batchctl -n '__batchctl_in \'batchctl network check\'' -l verbose -d 'show the evidence of passing checks too'
complete -c batchctl -n '__batchctl_in \'batchctl logs\'' -s f -l follow -d 'follow until the jobs end (waits for the stream while the job is RUNNABLE or STARTING); exit 1 if one FAILED'
complete -c batchctl -n '__batchctl_in \'batchctl logs\'' -l attempt -x -d 'this attempt (1-based) instead of the latest'
complete -c batchctl -n '__batchctl_in \'batchctl logs\'' -l index -x -d 'array jobs: this child'
complete -c batchctl -n '__batchctl_in \'batchctl logs\'' -l children -d 'array jobs: every child, each line labelled [index]'
complete -c batchctl -n '__batchctl_in \'batchctl logs\'' -l node -x -d 'multi-node jobs: this node (default: every node, labelled #node)'
complete -c batchctl -n '__batchctl_in \'batchctl logs\'' -l container -x -d 'ECS multi-container jobs: this container (default: all, labelled by name)'
complete -c batchctl -n '__batchctl_in \'batchctl logs\'' -l since -x -d 'only events since a duration ago (10m, 2h) or an ISO date'
complete -c batchctl -n '__batchctl_in \'batchctl logs\'' -l tail -x -d 'only the last N events (per stream with --follow)'
complete -c batchctl -n '__batchctl_in \'batchctl logs\'' -l timestamps -d 'prefix each line with its event time (ISO 8601)'
complete -c batchctl -n '__batchctl_in \'batchctl logs\'' -l format -x -a 'short json' -d 'short: the messages; json: one object per event (default with -o json)'
complete -c batchctl -n '__batchctl_arg \'batchctl logs\' 0 1' -a '(__batchctl_dynamic job)' -d 'job ids (array child id:N, node id#N)'
complete -c batchctl -n '__batchctl_in \'batchctl doctor\'' -l verbose -d 'show the evidence of passing checks too'
complete -c batchctl -n '__batchctl_in \'batchctl doctor\'' -l catalogue -d 'print the rule catalogue as markdown (docs/doctor.md) and exit'
complete -c batchctl -n '__batchctl_in \'batchctl top\'' -l refresh -x -d 'seconds between refreshes (at least 1)'
complete -c batchctl -n '__batchctl_in \'batchctl top\'' -l readonly -d 'hide every key that changes something (cancel, terminate, enable, disable)'
complete -c batchctl -n '__batchctl_in \'batchctl top\'' -l queue -x -a '(__batchctl_dynamic queue)' -d 'start in the jobs view of this queue'
complete -c batchctl -n '__batchctl_at \'batchctl policy\'' -a 'list' -d 'List scheduling policies'
complete -c batchctl -n '__batchctl_at \'batchctl policy\'' -a 'ls' -d 'List scheduling policies'
complete -c batchctl -n '__batchctl_at \'batchctl policy\'' -a 'describe' -d 'Show scheduling policies in detail'
complete -c batchctl -n '__batchctl_at \'batchctl policy\'' -a 'show' -d 'Show scheduling policies in detail'
complete -c batchctl -n '__batchctl_at \'batchctl policy\'' -a 'create' -d 'Create a fair-share scheduling policy'
complete -c batchctl -n '__batchctl_at \'batchctl policy\'' -a 'update' -d 'Change a fair-share scheduling policy (unchanged settings are kept)'
complete -c batchctl -n '__batchctl_at \'batchctl policy\'' -a 'delete' -d 'Delete scheduling policies'
complete -c batchctl -n '__batchctl_at \'batchctl policy\'' -a 'rm' -d 'Delete scheduling policies'
complete -c batchctl -n '__batchctl_arg \'batchctl policy describe\' 0 1' -a '(__batchctl_dynamic policy)' -d 'scheduling policy names or ARNs'
complete -c batchctl -n '__batchctl_in \'batchctl policy create\'' -l share-decay -x -d 'time window for usage: seconds or 10m, 1h (0 = the 600s minimum; max 7d)'
complete -c batchctl -n '__batchctl_in \'batchctl policy create\'' -l compute-reservation -x -d 'reserve capacity for share identifiers not yet active (0-99)'
complete -c batchctl -n '__batchctl_in \'batchctl policy create\'' -l share -x -d 'a share identifier (or prefix ending in *) and weight factor; lower weight = larger share (repeatable)'
complete -c batchctl -n '__batchctl_in \'batchctl policy create\'' -l tag -x -d 'a tag (repeatable): key=value'
complete -c batchctl -n '__batchctl_in \'batchctl policy create\'' -l input -r -F -d 'a CreateSchedulingPolicy request (JSON or YAML); flags override its fields'
complete -c batchctl -n '__batchctl_in \'batchctl policy update\'' -l share-decay -x -d 'time window for usage: seconds or 10m, 1h'
complete -c batchctl -n '__batchctl_in \'batchctl policy update\'' -l compute-reservation -x -d 'capacity reserved for inactive share identifiers (0-99)'
complete -c batchctl -n '__batchctl_in \'batchctl policy update\'' -l share -x -d 'replaces the share list: ID[:WEIGHT] (repeatable)'
complete -c batchctl -n '__batchctl_in \'batchctl policy update\'' -l input -r -F -d 'an UpdateSchedulingPolicy request (JSON or YAML); flags override its fields'
complete -c batchctl -n '__batchctl_arg \'batchctl policy update\' 0 0' -a '(__batchctl_dynamic policy)' -d 'scheduling policy name or ARN (or arn in --input)'
complete -c batchctl -n '__batchctl_arg \'batchctl policy delete\' 0 1' -a '(__batchctl_dynamic policy)' -d 'scheduling policy names or ARNs'
complete -c batchctl -n '__batchctl_at \'batchctl resource\'' -a 'list' -d 'List consumable resources'
complete -c batchctl -n '__batchctl_at \'batchctl resource\'' -a 'ls' -d 'List consumable resources'
complete -c batchctl -n '__batchctl_at \'batchctl resource\'' -a 'describe' -d 'Show consumable resources in detail: total, in use, available, the jobs using them'
complete -c batchctl -n '__batchctl_at \'batchctl resource\'' -a 'show' -d 'Show consumable resources in detail: total, in use, available, the jobs using them'
complete -c batchctl -n '__batchctl_at \'batchctl resource\'' -a 'jobs' -d 'List the jobs that need a consumable resource'
complete -c batchctl -n '__batchctl_at \'batchctl resource\'' -a 'create' -d 'Create a consumable resource'
complete -c batchctl -n '__batchctl_at \'batchctl resource\'' -a 'update' -d 'Set, add to or remove from a consumable resource\'s quantity'
complete -c batchctl -n '__batchctl_at \'batchctl resource\'' -a 'delete' -d 'Delete consumable resources'
complete -c batchctl -n '__batchctl_at \'batchctl resource\'' -a 'rm' -d 'Delete consumable resources'
complete -c batchctl -n '__batchctl_in \'batchctl resource list\'' -l name -x -d 'only these names (case-insensitive; a trailing * matches a prefix; repeatable or comma-separated)'
complete -c batchctl -n '__batchctl_arg \'batchctl resource describe\' 0 1' -a '(__batchctl_dynamic consumable)' -d 'consumable resource names or ARNs'
complete -c batchctl -n '__batchctl_in \'batchctl resource jobs\'' -s s -l status -x -d 'only jobs in this status (repeatable, or comma-separated)'
complete -c batchctl -n '__batchctl_in \'batchctl resource jobs\'' -l name -x -d 'only jobs with this name, or a prefix ending in * (case-insensitive)'
complete -c batchctl -n '__batchctl_arg \'batchctl resource jobs\' 0 0' -a '(__batchctl_dynamic consumable)' -d 'consumable resource name or ARN'
complete -c batchctl -n '__batchctl_in \'batchctl resource create\'' -l total -x -d 'how many units exist (a whole number >= 0)'
complete -c batchctl -n '__batchctl_in \'batchctl resource create\'' -l type -x -a 'REPLENISHABLE NON_REPLENISHABLE' -d 'REPLENISHABLE: units return when a job ends (default); NON_REPLENISHABLE: used up'
complete -c batchctl -n '__batchctl_in \'batchctl resource create\'' -l tag -x -d 'a tag (repeatable): key=value'
complete -c batchctl -n '__batchctl_in \'batchctl resource create\'' -l input -r -F -d 'a CreateConsumableResource request (JSON or YAML); flags override its fields'
complete -c batchctl -n '__batchctl_in \'batchctl resource update\'' -l set -x -d 'make the quantity N (operation SET)'
complete -c batchctl -n '__batchctl_in \'batchctl resource update\'' -l add -x -d 'add N units (operation ADD)'
complete -c batchctl -n '__batchctl_in \'batchctl resource update\'' -l remove -x -d 'remove N units (operation REMOVE; stops at 0)'
complete -c batchctl -n '__batchctl_in \'batchctl resource update\'' -l client-token -x -d 'idempotency token (1-64 characters): the same update with the same token within 8 hours happens once'
complete -c batchctl -n '__batchctl_in \'batchctl resource update\'' -l input -r -F -d 'an UpdateConsumableResource request (JSON or YAML); flags override its fields'
complete -c batchctl -n '__batchctl_arg \'batchctl resource update\' 0 0' -a '(__batchctl_dynamic consumable)' -d 'consumable resource name or ARN (or consumableResource in --input)'
complete -c batchctl -n '__batchctl_arg \'batchctl resource delete\' 0 1' -a '(__batchctl_dynamic consumable)' -d 'consumable resource names or ARNs'
complete -c batchctl -n '__batchctl_in \'batchctl tag\'' -l kind -x -a 'ce queue jobdef policy resource' -d 'what a name (not an ARN) refers to'
complete -c batchctl -n '__batchctl_in \'batchctl untag\'' -l kind -x -a 'ce queue jobdef policy resource' -d 'what a name (not an ARN) refers to'
complete -c batchctl -n '__batchctl_at \'batchctl sim\'' -a 'status' -d 'Show the simulator\'s clock, speed, store file and resource counts'
complete -c batchctl -n '__batchctl_at \'batchctl sim\'' -a 'advance' -d 'Move simulated time forward (jobs run, instances scale, states change)'
complete -c batchctl -n '__batchctl_at \'batchctl sim\'' -a 'speed' -d 'Make simulated time run N times faster than the wall clock (1 = real time; kept in the store)'
complete -c batchctl -n '__batchctl_at \'batchctl sim\'' -a 'reset' -d 'Delete the simulator\'s state (all resources, jobs and logs) and start a fresh world'
complete -c batchctl -n '__batchctl_at \'batchctl sim\'' -a 'scenario' -d 'Failure scenarios for `batchctl doctor`: list them, build one in the simulator'
complete -c batchctl -n '__batchctl_at \'batchctl sim\'' -a 'run' -d 'Fast-forward simulated time until every job has finished, and summarise the run'
complete -c batchctl -n '__batchctl_at \'batchctl sim\'' -a 'faults' -d 'Opt-in, seeded faults in the simulated world: set, show, clear'
complete -c batchctl -n '__batchctl_at \'batchctl sim\'' -a 'eks' -d 'EKS clusters in the simulator, to rehearse `setup eks` (batchctl does not manage clusters on AWS)'
complete -c batchctl -n '__batchctl_at \'batchctl sim scenario\'' -a 'list' -d 'List the failure scenarios the simulator can build'
complete -c batchctl -n '__batchctl_at \'batchctl sim scenario\'' -a 'ls' -d 'List the failure scenarios the simulator can build'
complete -c batchctl -n '__batchctl_at \'batchctl sim scenario\'' -a 'apply' -d 'Build a failure scenario in the simulator (moves simulated time), then try `batchctl doctor`'
complete -c batchctl -n '__batchctl_in \'batchctl sim run\'' -l until-idle -d 'run until no job is left to run (required: the only mode so far)'
complete -c batchctl -n '__batchctl_in \'batchctl sim run\'' -l max -x -d 'stop after this much simulated time (default 30d)'
complete -c batchctl -n '__batchctl_at \'batchctl sim faults\'' -a 'set' -d 'Turn faults on (rates between 0 and 1; 0 turns one off; the others stay as they are)'
complete -c batchctl -n '__batchctl_at \'batchctl sim faults\'' -a 'show' -d 'Show the fault settings'
complete -c batchctl -n '__batchctl_at \'batchctl sim faults\'' -a 'clear' -d 'Turn every fault off'
complete -c batchctl -n '__batchctl_in \'batchctl sim faults set\'' -l throttle-rate -x -d 'share of Batch API calls throttled'
complete -c batchctl -n '__batchctl_in \'batchctl sim faults set\'' -l spot-reclaim-rate -x -d 'share of Spot instances reclaimed'
complete -c batchctl -n '__batchctl_in \'batchctl sim faults set\'' -l pull-failure-rate -x -d 'share of attempts whose image pull fails'
complete -c batchctl -n '__batchctl_in \'batchctl sim faults set\'' -l capacity-shortage-rate -x -d 'share of instance types short of capacity'
complete -c batchctl -n '__batchctl_at \'batchctl sim eks\'' -a 'create-cluster' -d 'Create an EKS cluster in the simulator (CREATING, ACTIVE after 10 simulated minutes)'
complete -c batchctl -n '__batchctl_at \'batchctl sim eks\'' -a 'delete-cluster' -d 'Delete a simulated EKS cluster (DELETING, gone after 5 simulated minutes)'
complete -c batchctl -n '__batchctl_in \'batchctl sim eks create-cluster\'' -l kubernetes-version -x -d 'Kubernetes version, e.g. 1.30 (default: the simulated EKS\'s, see docs/simulator.md)'
complete -c batchctl -n '__batchctl_in \'batchctl sim eks create-cluster\'' -l subnets -x -d 'subnet ids in two zones or more, comma-separated or repeated (default: the default VPC\'s)'
complete -c batchctl -n '__batchctl_in \'batchctl sim eks create-cluster\'' -l security-groups -x -d 'extra security groups for the control plane ENIs, comma-separated or repeated'
complete -c batchctl -n '__batchctl_in \'batchctl sim eks create-cluster\'' -l role-arn -x -d 'the cluster role (default: batchctl-eks-cluster-role, created if missing)'
complete -c batchctl -n '__batchctl_in \'batchctl sim eks create-cluster\'' -l no-wait -d 'return while the cluster is CREATING (the simulated clock is not moved)'
complete -c batchctl -n '__batchctl_in \'batchctl sim eks delete-cluster\'' -l no-wait -d 'return while the cluster is DELETING'
complete -c batchctl -n '__batchctl_at \'batchctl config\'' -a 'get' -d 'Print the value batchctl uses for a setting (empty when unset)'
complete -c batchctl -n '__batchctl_at \'batchctl config\'' -a 'set' -d 'Save a setting in the config file (a local change: no confirmation)'
complete -c batchctl -n '__batchctl_at \'batchctl config\'' -a 'unset' -d 'Remove a setting from the config file'
complete -c batchctl -n '__batchctl_at \'batchctl config\'' -a 'list' -d 'Show every setting with its effective value and its source (flag, env, file, default)'
complete -c batchctl -n '__batchctl_at \'batchctl config\'' -a 'ls' -d 'Show every setting with its effective value and its source (flag, env, file, default)'
complete -c batchctl -n '__batchctl_at \'batchctl config\'' -a 'path' -d 'Print the path of the config file (it need not exist yet)'
complete -c batchctl -n '__batchctl_arg \'batchctl config get\' 0 0' -a 'backend region profile endpoint-url output home sim-speed color' -d 'setting name'
complete -c batchctl -n '__batchctl_arg \'batchctl config set\' 0 0' -a 'backend region profile endpoint-url output home sim-speed color' -d 'setting name'
complete -c batchctl -n '__batchctl_arg \'batchctl config unset\' 0 0' -a 'backend region profile endpoint-url output home sim-speed color' -d 'setting name'
complete -c batchctl -n '__batchctl_in \'batchctl completion\'' -l write -r -F -d 'write all three scripts into DIR (batchctl.bash, _batchctl, batchctl.fish)'
complete -c batchctl -n '__batchctl_arg \'batchctl completion\' 0 0' -a 'bash zsh fish' -d 'the shell to complete for'
complete -c batchctl -l backend -x -a 'sim aws' -d 'world to work in (env BATCHCTL_BACKEND)'
complete -c batchctl -l region -x -d 'AWS region (env AWS_REGION; default us-east-1)'
complete -c batchctl -l profile -x -d 'AWS profile (env AWS_PROFILE)'
complete -c batchctl -l endpoint-url -x -d 'send AWS calls to this endpoint, e.g. a local moto server'
complete -c batchctl -s o -l output -x -a 'table wide json yaml text' -d 'output format'
complete -c batchctl -l query -x -d 'JMESPath query over the JSON result, as the AWS CLI'
complete -c batchctl -l no-color -d 'no colour (also NO_COLOR)'
complete -c batchctl -l debug -d 'log every API call (operation, input, status, duration) to stderr'
complete -c batchctl -l home -r -F -d 'simulator state directory (env BATCHCTL_HOME)'
complete -c batchctl -l sim-speed -x -d 'simulated time runs N times faster than the wall clock (persisted)'
complete -c batchctl -s y -l yes -d 'do not ask for confirmation before changing anything'
complete -c batchctl -l dry-run -d 'print what would change, change nothing'
complete -c batchctl -s h -l help -d 'show help'
