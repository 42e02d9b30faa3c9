#!/usr/bin/env bash
#
# Starts or stops a JobManager of a standalone cluster on this host:
#
#   jobmanager.sh start [-D key=value]...   starts one in the background and waits until its REST endpoint is up
#                                           (not while one of this pid file runs: one line, exit code 2)
#   jobmanager.sh stop                      stops the one started last
#   jobmanager.sh stop-all                  stops every one started from this host's pid file
#
# The configuration is $WEFT_CONF_DIR/weft-conf.yaml (default $WEFT_HOME/conf/), overridden by the -D values.
# Pid file $WEFT_PID_DIR/weft-$USER-jobmanager.pid (WEFT_PID_DIR defaults to /tmp); logs in $WEFT_LOG_DIR
# (default $WEFT_HOME/log). weft-daemon.sh describes the files, the environment and the exit codes.

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
# shellcheck source-path=SCRIPTDIR source=weft-daemon.sh
. "$bin/weft-daemon.sh" || exit 2
weft_daemon jobmanager "$@"
