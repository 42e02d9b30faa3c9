#!/usr/bin/env bash
#
# Starts a standalone cluster on this host: a JobManager, then TASKMANAGERS TaskManagers (default 1), each a
# process of its own, each waited for before the next one starts.
#
#   start-cluster.sh [-n TASKMANAGERS] [-D key=value]...
#
# The -D values go to every process. stop-cluster.sh stops the cluster. jobmanager.sh and taskmanager.sh do the
# work (weft-daemon.sh describes pid files, logs and environment).
#
# Exit codes: 0 the cluster runs, 1 a process did not start (those started keep running), 2 usage error, or a
# JobManager of this WEFT_PID_DIR already runs on this host (nothing is started: stop it with stop-cluster.sh, or
# set WEFT_PID_DIR for another cluster), or a TaskManager's cluster secret was rejected by the JobManager.

# This script's directory, with symbolic links to the script resolved.
script="${BASH_SOURCE[0]}"
while [ -L "$script" ]; do
    link="$(readlink "$script")"
    case "$link" in
        /*) script="$link" ;;
        *) script="$(dirname "$script")/$link" ;;
    esac
done
bin="$(cd -P "$(dirname "$script")" && pwd)" || exit 2

set -u
usage="Usage: start-cluster.sh [-n TASKMANAGERS] [-D key=value]..."
taskmanagers=1
dynamic=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n)
            [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
            taskmanagers="$2"
            shift 2
            ;;
        -D)
            [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
            dynamic+=(-D "$2")
            shift 2
            ;;
        -D?*)
            dynamic+=("$1")
            shift
            ;;
        *)
            echo "$usage" >&2
            exit 2
            ;;
    esac
done
case "$taskmanagers" in
    '' | *[!0-9]*)
        echo "-n takes the number of TaskManagers, not '$taskmanagers'. $usage" >&2
        exit 2
        ;;
esac

"$bin/jobmanager.sh" start ${dynamic[@]+"${dynamic[@]}"} || exit $?
for ((i = 1; i <= 10#$taskmanagers; i++)); do
    if ! "$bin/taskmanager.sh" start ${dynamic[@]+"${dynamic[@]}"}; then
        echo "TaskManager $i of $taskmanagers did not start; the cluster runs with $((i - 1)) (stop it with stop-cluster.sh)" >&2
        exit 1
    fi
done
