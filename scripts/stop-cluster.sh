#!/usr/bin/env bash
#
# Stops the standalone cluster of this host: every TaskManager, then every JobManager of the pid files of
# start-cluster.sh (taskmanager.sh stop-all, jobmanager.sh stop-all).
#
#   stop-cluster.sh
#
# Exit codes: 0 nothing of the cluster runs any more, 1 a process could not be stopped, 2 usage error.

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
if [ $# -ne 0 ]; then
    echo "Usage: stop-cluster.sh" >&2
    exit 2
fi
"$bin/taskmanager.sh" stop-all
tm=$?
"$bin/jobmanager.sh" stop-all
jm=$?
if [ "$tm" -ne 0 ]; then
    exit "$tm"
fi
exit "$jm"
