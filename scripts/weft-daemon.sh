#!/usr/bin/env bash
#
# Starting and stopping the JobManager and TaskManager processes of a standalone cluster on this host. Sourced by
# jobmanager.sh and taskmanager.sh, which call 'weft_daemon jobmanager|taskmanager COMMAND [-D key=value]...'.
#
# Commands:
#   start      starts one process in the background, appends its pid to the pid file, and waits (bounded) until
#              it reports that it is up; when it dies at start, prints the end of its .out file and exits 1 (or,
#              for a TaskManager whose cluster secret the JobManager rejected, one line and exit 2). A JobManager
#              is not started while the pid file holds a running one (its ports would clash): one line, exit 2
#   stop       stops the process of the last pid in the pid file and removes that line
#   stop-all   stops the processes of every pid in the pid file
#   Stopping sends SIGTERM, waits up to WEFT_STOP_TIMEOUT seconds, then sends SIGKILL. Only a pid whose command
#   line names the expected main class is signalled; other pids (stale ones, or reused by another process) are
#   dropped from the file with a note.
#
# Files:
#   $WEFT_PID_DIR/weft-$USER-jobmanager.pid, ...-taskmanager.pid   one pid a line, in start order
#   $WEFT_PID_DIR/weft-$USER-cluster.secret   the cluster secret, when neither WEFT_CLUSTER_SECRET nor the
#       configuration (security.cluster-secret.file in weft-conf.yaml or -D) names one: the JobManager writes it
#       (owner-only) at its first start, TaskManagers read it
#   $WEFT_PID_DIR/weft-$USER-<daemon>.lock   held (flock, else a directory .lock.d made with mkdir) while a start
#       chooses its index and appends its pid, and while pids are removed, so that concurrent starts and stops of
#       this host never pick the same files or lose a pid
#   $WEFT_LOG_DIR/weft-$USER-<daemon>-<N>-<host>.out   stdout and stderr of the process (N: the lowest index whose
#       .log no running process of this host names, whether its pid is in the pid file or not); .log beside it is
#       the Log4j log (conf/log4j2.properties)
#
# Environment:
#   JAVA_HOME          Java 17 or later to run with (default: 'java' on the PATH)
#   JVM_ARGS           JVM options of both processes (the per-process ones below come after, so they win)
#   WEFT_JM_JVM_ARGS   JVM options of a JobManager (default: heap, direct memory and metaspace derived from
#                      jobmanager.memory.process.size and its parts)
#   WEFT_TM_JVM_ARGS   JVM options of a TaskManager (default: derived from taskmanager.memory.process.size)
#   WEFT_CONF_DIR      directory of weft-conf.yaml and log4j2.properties (default: $WEFT_HOME/conf)
#   WEFT_LOG_DIR       directory of the .out and .log files (default: $WEFT_HOME/log)
#   WEFT_PID_DIR       directory of the pid files and of the default cluster secret (default: /tmp)
#   WEFT_START_TIMEOUT seconds 'start' waits for the process to come up (default: 30)
#   WEFT_STOP_TIMEOUT  seconds 'stop' waits after SIGTERM before SIGKILL (default: 10)
#   WEFT_CLUSTER_SECRET  the cluster secret (base64) instead of a file
#   HADOOP_CLASSPATH   Hadoop's jars (default: 'hadoop classpath' when Hadoop is on the PATH, else lib/hadoop/)
#
# Exit codes: 0 success (also when there is nothing to stop), 1 a process did not start or did not stop (or the
# lock could not be taken within 30 s), 2 usage or environment error, a JobManager already running in this
# WEFT_PID_DIR, or a TaskManager's cluster secret rejected by the JobManager (the user must change something first).

# Exit code of a TaskManager whose cluster secret the JobManager rejected (TaskManagerRunner.SECRET_REJECTED_EXIT_CODE).
weft_secret_rejected_code=78
# Seconds a start or stop waits for the lock of the pid file.
weft_lock_timeout=30

# shellcheck source-path=SCRIPTDIR source=weft-locale.sh
. "${BASH_SOURCE[0]%/*}/weft-locale.sh" || exit 2

# One line to stderr, then exit with the given code.
weft_fail() {
    local code="$1"
    shift
    echo "$*" >&2
    exit "$code"
}

weft_usage() {
    weft_fail 2 "Usage: ${0##*/} start|stop|stop-all [-D key=value]..."
}

# The command line of process $1 with spaces between arguments; empty when there is no such process or it has
# ended (a zombie's command line is empty too).
weft_cmdline_of() {
    if [ -r "/proc/$1/cmdline" ]; then
        tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null
    else
        ps -ww -p "$1" -o args= 2>/dev/null
    fi
}

# Whether pid $1 is a live process running this daemon's main class (guards against reused pids).
weft_is_daemon() {
    case "$(weft_cmdline_of "$1")" in
        *"$weft_main_class"*) return 0 ;;
        *) return 1 ;;
    esac
}

# Sets the array weft_pids to the pid file's pids, in order; a line that is no pid is skipped, with a note unless
# $1 is 'quiet' (it disappears at the next rewrite of the file).
weft_read_pids() {
    weft_pids=()
    [ -f "$weft_pid_file" ] || return 0
    local line
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in
            '') ;;
            *[!0-9]*) [ "${1:-}" = quiet ] || echo "Ignoring '$line' in $weft_pid_file: not a pid" ;;
            *) weft_pids+=("$line") ;;
        esac
    done < "$weft_pid_file"
}

# Takes the lock of this daemon's pid file (re-entrant: nested calls only count). With flock, the lock is held on
# file descriptor 9, which the kernel releases when this shell ends, however it ends; without flock, it is the
# directory $weft_lock_file.d holding the owner's pid, removed on release or at exit, and broken when its owner no
# longer runs. Waits at most weft_lock_timeout seconds.
weft_lock() {
    weft_lock_depth=$((${weft_lock_depth:-0} + 1))
    [ "$weft_lock_depth" -eq 1 ] || return 0
    if [ -L "$weft_lock_file" ] || { [ -e "$weft_lock_file" ] && [ ! -O "$weft_lock_file" ]; }; then
        weft_fail 2 "$weft_lock_file is not a file of user $weft_user: remove it or set WEFT_PID_DIR to a directory of yours"
    fi
    if command -v flock >/dev/null 2>&1; then
        exec 9>>"$weft_lock_file" || weft_fail 2 "Cannot open the lock file $weft_lock_file (WEFT_PID_DIR)"
        flock -w "$weft_lock_timeout" 9 || weft_fail 1 "Another start or stop of a $weft_daemon on host $weft_host held $weft_lock_file for $weft_lock_timeout s: try again once it has finished"
        return 0
    fi
    local dir="$weft_lock_file.d" deadline=$((SECONDS + weft_lock_timeout)) owner
    while ! mkdir "$dir" 2>/dev/null; do
        [ -d "$dir" ] || weft_fail 2 "Cannot create the lock directory $dir (WEFT_PID_DIR)"
        owner="$(cat "$dir/pid" 2>/dev/null)"
        case "$owner" in
            '' | *[!0-9]*)
                # being created, or left by a shell killed between mkdir and writing its pid: stale after a while
                if [ -n "$(find "$dir" -maxdepth 0 -mmin +1 2>/dev/null)" ]; then
                    weft_break_lock "$dir"
                fi
                ;;
            *)
                kill -0 "$owner" 2>/dev/null || weft_break_lock "$dir"
                ;;
        esac
        if [ "$SECONDS" -gt "$deadline" ]; then
            weft_fail 1 "Another start or stop of a $weft_daemon on host $weft_host (pid ${owner:-unknown}) held $dir for $weft_lock_timeout s: try again once it has finished"
        fi
        weft_nap
    done
    echo "$$" > "$dir/pid"
    trap 'rm -rf "$weft_lock_file.d"' EXIT
}

# Removes a stale lock directory: renamed first, so that of two shells breaking it at once only one succeeds.
weft_break_lock() {
    mv "$1" "$1.stale.$$" 2>/dev/null && rm -rf "$1.stale.$$"
}

# Releases the lock once every weft_lock has its weft_unlock.
weft_unlock() {
    weft_lock_depth=$((weft_lock_depth - 1))
    [ "$weft_lock_depth" -eq 0 ] || return 0
    if command -v flock >/dev/null 2>&1; then
        exec 9>&-
    else
        rm -rf "$weft_lock_file.d"
        trap - EXIT
    fi
}

# Removes the last line holding each given pid from the pid file, read afresh so that pids appended meanwhile
# stay; removes the file when no pid is left.
weft_remove_pids() {
    weft_lock
    weft_read_pids quiet
    local gone i
    for gone in "$@"; do
        for ((i = ${#weft_pids[@]} - 1; i >= 0; i--)); do
            if [ "${weft_pids[i]}" = "$gone" ]; then
                weft_pids=("${weft_pids[@]:0:i}" "${weft_pids[@]:i+1}")
                break
            fi
        done
    done
    if [ ${#weft_pids[@]} -eq 0 ]; then
        rm -f "$weft_pid_file"
    else
        printf '%s\n' "${weft_pids[@]}" > "$weft_pid_file.$$" && mv -f "$weft_pid_file.$$" "$weft_pid_file"
    fi
    weft_unlock
}

# Sets weft_live to the pids of the pid file whose processes run; drops the others from the file with a note.
weft_prune_pids() {
    weft_read_pids
    weft_live=()
    local stale=() pid
    for pid in ${weft_pids[@]+"${weft_pids[@]}"}; do
        if weft_is_daemon "$pid"; then
            weft_live+=("$pid")
        else
            stale+=("$pid")
            echo "Dropping stale pid $pid from $weft_pid_file: it is no $weft_daemon process (any more)."
        fi
    done
    if [ ${#stale[@]} -gt 0 ]; then
        weft_remove_pids "${stale[@]}"
    fi
}

# Sleeps a fifth of a second (a whole one where sleep takes integers only).
weft_nap() {
    sleep 0.2 2>/dev/null || sleep 1
}

# SIGTERM to every given pid, waits up to WEFT_STOP_TIMEOUT s for all of them, then SIGKILL to those left.
# Removes the stopped pids from the pid file; returns 1 when a process could not be stopped.
weft_terminate() {
    local pid left=() stopped=() status=0
    for pid in "$@"; do
        echo "Stopping $weft_daemon daemon (pid $pid) on host $weft_host."
        if kill -TERM "$pid" 2>/dev/null; then
            left+=("$pid")
        elif weft_is_daemon "$pid"; then
            echo "Cannot signal $weft_daemon (pid $pid): it belongs to another user?" >&2
            status=1
        else
            stopped+=("$pid")
        fi
    done
    local deadline=$((SECONDS + weft_stop_timeout)) signal=TERM
    while [ ${#left[@]} -gt 0 ]; do
        local still=()
        for pid in "${left[@]}"; do
            if weft_is_daemon "$pid"; then
                still+=("$pid")
            else
                stopped+=("$pid")
            fi
        done
        left=(${still[@]+"${still[@]}"})
        [ ${#left[@]} -gt 0 ] || break
        if [ "$SECONDS" -gt "$deadline" ]; then
            if [ "$signal" = KILL ]; then
                echo "Could not stop $weft_daemon (pid ${left[*]}) on host $weft_host, not even with SIGKILL" >&2
                status=1
                break
            fi
            for pid in "${left[@]}"; do
                echo "$weft_daemon (pid $pid) did not stop within $weft_stop_timeout s of SIGTERM: sending SIGKILL"
                kill -KILL "$pid" 2>/dev/null
            done
            signal=KILL
            deadline=$((SECONDS + 5))
        fi
        weft_nap
    done
    if [ ${#stopped[@]} -gt 0 ]; then
        weft_remove_pids "${stopped[@]}"
    fi
    return "$status"
}

# Whether the configuration names a cluster secret file: a -D of the arguments, or weft-conf.yaml (a flat
# 'security.cluster-secret.file: PATH' with a non-empty value, or any nested spelling mentioning cluster-secret).
weft_conf_names_secret_file() {
    local arg
    for arg in ${weft_dynamic[@]+"${weft_dynamic[@]}"}; do
        case "$arg" in
            security.cluster-secret.file=?*) return 0 ;;
        esac
    done
    local yaml="$weft_conf_dir/weft-conf.yaml"
    [ -f "$yaml" ] || return 1
    local setting
    setting="$(grep -E '^[^#]*cluster-secret' "$yaml" 2>/dev/null | tail -n 1)"
    [ -n "$setting" ] || return 1
    case "$setting" in
        *security.cluster-secret.file*:*) ;;
        *) return 0 ;;
    esac
    # the flat key: set unless its value is empty (nothing, "" or '')
    local value="${setting#*:}"
    value="${value%%#*}"
    value="$(printf '%s' "$value" | tr -d " \t\"'")"
    [ -n "$value" ]
}

# Whether a running process of this host names $1 as its log file (-Dlog.file), be its pid in the pid file or not
# (started with another WEFT_PID_DIR, or its pid file removed): two processes never write into the same files.
weft_log_in_use() {
    local all
    if [ -d /proc/self ]; then
        all="$(cat /proc/[0-9]*/cmdline 2>/dev/null | tr '\0' ' ')"
    else
        all="$(ps -A -ww -o args= 2>/dev/null)"
    fi
    case "$all" in
        *"-Dlog.file=$1 "*) return 0 ;;
        *) return 1 ;;
    esac
}

weft_start() {
    mkdir -p "$weft_log_dir" 2>/dev/null || weft_fail 2 "Cannot create the log directory $weft_log_dir (WEFT_LOG_DIR)"

    local secret_args=()
    if [ -z "${WEFT_CLUSTER_SECRET:-}" ] && ! weft_conf_names_secret_file; then
        local secret="$weft_pid_dir/weft-$weft_user-cluster.secret"
        if [ -L "$secret" ] || { [ -e "$secret" ] && [ ! -O "$secret" ]; }; then
            weft_fail 2 "$secret is not a file of user $weft_user: remove it, or name another file with -D security.cluster-secret.file=PATH"
        fi
        secret_args=(-D "security.cluster-secret.file=$secret")
    fi

    local jvm_args=() daemon_jvm_args=()
    read -r -a jvm_args <<< "${JVM_ARGS:-}"
    if [ "$weft_daemon_jvm_args" = "@memory@" ]; then
        # the memory configuration (with this start's -D overrides) decides heap, direct memory and metaspace
        local memory_error
        memory_error="$(mktemp)" || weft_fail 2 "Cannot create a temporary file"
        if ! weft_daemon_jvm_args="$("$weft_java" -Xmx64m -XX:+UseSerialGC -cp "$weft_classpath" \
                io.weft.runtime.entrypoint.JvmMemoryOptions "$weft_daemon" --configDir "$weft_conf_dir" \
                ${weft_dynamic_args[@]+"${weft_dynamic_args[@]}"} 2> "$memory_error")"; then
            local message
            message="$(head -n 1 "$memory_error")"
            rm -f "$memory_error"
            weft_fail 2 "The $weft_daemon was not started: ${message:-its memory options could not be derived}"
        fi
        rm -f "$memory_error"
    fi
    read -r -a daemon_jvm_args <<< "$weft_daemon_jvm_args"

    # From choosing the files to appending the pid, no other start or stop of this daemon runs.
    weft_lock
    weft_prune_pids
    if [ "$weft_daemon" = jobmanager ] && [ ${#weft_live[@]} -gt 0 ]; then
        weft_fail 2 "A jobmanager is already running on host $weft_host (pid ${weft_live[*]}, in $weft_pid_file): stop the cluster with stop-cluster.sh (or jobmanager.sh stop) first, or set WEFT_PID_DIR for a cluster of its own"
    fi
    local index=0 pid
    while weft_log_in_use "$weft_log_dir/weft-$weft_user-$weft_daemon-$index-$weft_host.log"; do
        index=$((index + 1))
    done
    local name="weft-$weft_user-$weft_daemon-$index-$weft_host"
    local out="$weft_log_dir/$name.out" log="$weft_log_dir/$name.log"
    # Only lines written after this start count when looking for the process's "up" line in an appended log.
    local log_offset=0
    if [ -f "$log" ]; then
        log_offset="$(wc -c < "$log" | tr -d ' ')"
    fi

    # nohup with every standard stream redirected: the process survives the end of this shell's session. It does
    # not inherit the lock's descriptor 9, which would hold the lock for as long as it runs.
    # java.security.manager=allow: JDK 18 to 23 refuse the guard that keeps a program's System.exit from ending a
    # JobManager that runs it (JDK 17 allows it anyway).
    nohup "$weft_java" -Djava.security.manager=allow ${jvm_args[@]+"${jvm_args[@]}"} \
        ${daemon_jvm_args[@]+"${daemon_jvm_args[@]}"} \
        -Dweft.home="$WEFT_HOME" \
        -Dlog4j2.configurationFile="$weft_log_config" \
        -Dlog.file="$log" \
        -cp "$weft_classpath" \
        "$weft_main_class" --configDir "$weft_conf_dir" \
        ${secret_args[@]+"${secret_args[@]}"} ${weft_dynamic_args[@]+"${weft_dynamic_args[@]}"} \
        < /dev/null > "$out" 2>&1 9>&- &
    pid=$!
    if ! echo "$pid" >> "$weft_pid_file"; then
        kill -TERM "$pid" 2>/dev/null
        weft_fail 2 "Cannot write the pid file $weft_pid_file (WEFT_PID_DIR): stopped the $weft_daemon just started"
    fi
    # Until the child has become the JVM, its command line is this script's: the next start would neither see its
    # log file in use nor take its pid for a running one.
    local exec_deadline=$((SECONDS + 5))
    while ! weft_is_daemon "$pid" && kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -le "$exec_deadline" ]; do
        weft_nap
    done
    weft_unlock

    local deadline=$((SECONDS + weft_start_timeout)) up_line
    while :; do
        up_line="$(tail -c +$((log_offset + 1)) "$log" 2>/dev/null | grep -m 1 -E "$weft_ready_pattern")"
        if [ -n "$up_line" ]; then
            break
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            wait "$pid"
            local code=$?
            weft_remove_pids "$pid"
            if [ "$code" -eq "$weft_secret_rejected_code" ]; then
                # the process's last line says whose secret was rejected and what to do
                weft_fail 2 "Could not start $weft_daemon on host $weft_host: $(grep -v '^[[:space:]]*$' "$out" | tail -n 1)"
            fi
            echo "Could not start $weft_daemon on host $weft_host: it exited with code $code. The end of $out:" >&2
            tail -n 20 "$out" >&2
            exit 1
        fi
        if [ "$SECONDS" -gt "$deadline" ]; then
            weft_fail 1 "$weft_daemon (pid $pid) on host $weft_host runs but did not report being up within $weft_start_timeout s (WEFT_START_TIMEOUT); see $log and $out, stop it with ${0##*/} stop"
        fi
        weft_nap
    done
    local where=""
    case "$up_line" in
        *"JobManager running: REST "*)
            where="${up_line#*JobManager running: REST }"
            where=", REST endpoint ${where%%,*}"
            ;;
    esac
    echo "Started $weft_daemon daemon on host $weft_host (pid $pid)$where; logs in $weft_log_dir/$name.{log,out}."
}

weft_stop() {
    weft_prune_pids
    if [ ${#weft_live[@]} -eq 0 ]; then
        echo "No $weft_daemon daemon to stop on host $weft_host (no running pid in $weft_pid_file)."
        return 0
    fi
    if [ "$1" = stop ]; then
        weft_terminate "${weft_live[${#weft_live[@]} - 1]}"
    else
        weft_terminate "${weft_live[@]}"
    fi
}

# weft_daemon jobmanager|taskmanager start|stop|stop-all [-D key=value]...
weft_daemon() {
    weft_daemon="$1"
    local command="${2:-}"
    case "$command" in
        start | stop | stop-all) ;;
        *) weft_usage ;;
    esac
    shift 2
    # -D key=value (or -Dkey=value), kept in weft_dynamic as key=value and in weft_dynamic_args as given to Java
    weft_dynamic=()
    weft_dynamic_args=()
    local setting
    while [ $# -gt 0 ]; do
        case "$1" in
            -D)
                [ $# -ge 2 ] || weft_usage
                setting="$2"
                shift 2
                ;;
            -D?*)
                setting="${1#-D}"
                shift
                ;;
            *) weft_usage ;;
        esac
        case "$setting" in
            ?*=*) ;;
            *) weft_fail 2 "-D takes key=value, not '$setting'. Usage: ${0##*/} start|stop|stop-all [-D key=value]..." ;;
        esac
        weft_dynamic+=("$setting")
        weft_dynamic_args+=(-D "$setting")
    done

    case "$weft_daemon" in
        jobmanager)
            weft_main_class=io.weft.jobmanager.entrypoint.StandaloneJobManager
            weft_daemon_jvm_args="${WEFT_JM_JVM_ARGS-@memory@}"
            weft_ready_pattern='JobManager running: REST '
            ;;
        taskmanager)
            weft_main_class=io.weft.runtime.taskexecutor.TaskManagerRunner
            weft_daemon_jvm_args="${WEFT_TM_JVM_ARGS-@memory@}"
            weft_ready_pattern='TaskManager [^ ]+ started with'
            ;;
        *) weft_fail 2 "Unknown daemon '$weft_daemon': jobmanager or taskmanager" ;;
    esac

    weft_user="${USER:-$(id -un)}"
    weft_host="${HOSTNAME:-$(uname -n)}"
    weft_pid_dir="${WEFT_PID_DIR:-/tmp}"
    weft_pid_file="$weft_pid_dir/weft-$weft_user-$weft_daemon.pid"
    weft_lock_file="$weft_pid_dir/weft-$weft_user-$weft_daemon.lock"
    weft_start_timeout="${WEFT_START_TIMEOUT:-30}"
    weft_stop_timeout="${WEFT_STOP_TIMEOUT:-10}"
    case "$weft_start_timeout$weft_stop_timeout" in
        *[!0-9]*) weft_fail 2 "WEFT_START_TIMEOUT and WEFT_STOP_TIMEOUT are whole seconds, not '$weft_start_timeout' and '$weft_stop_timeout'" ;;
    esac
    mkdir -p "$weft_pid_dir" 2>/dev/null || weft_fail 2 "Cannot create the pid directory $weft_pid_dir (WEFT_PID_DIR)"
    # In a shared directory such as /tmp, a pid file of someone else's could make this script signal their pids.
    if [ -L "$weft_pid_file" ] || { [ -e "$weft_pid_file" ] && [ ! -O "$weft_pid_file" ]; }; then
        weft_fail 2 "$weft_pid_file is not a file of user $weft_user: remove it or set WEFT_PID_DIR to a directory of yours"
    fi

    if [ "$command" != start ]; then
        weft_stop "$command"
        return
    fi

    # WEFT_HOME is the parent of this file's directory, with symbolic links resolved.
    local script="${BASH_SOURCE[0]}" link
    while [ -L "$script" ]; do
        link="$(readlink "$script")"
        case "$link" in
            /*) script="$link" ;;
            *) script="$(dirname "$script")/$link" ;;
        esac
    done
    WEFT_HOME="$(cd -P "$(dirname "$script")/.." && pwd)" || exit 2

    local lib
    if [ -f "$WEFT_HOME/lib/weft-dist.jar" ]; then
        lib="$WEFT_HOME/lib"
    elif [ -f "$WEFT_HOME/dist/target/weft/lib/weft-dist.jar" ]; then
        lib="$WEFT_HOME/dist/target/weft/lib"
    else
        weft_fail 2 "Weft is not built: run 'mvn -q -DskipTests package' first"
    fi
    local hadoop_classpath=""
    if [ -n "${HADOOP_CLASSPATH:-}" ]; then
        hadoop_classpath="$HADOOP_CLASSPATH"
    elif command -v hadoop >/dev/null 2>&1; then
        hadoop_classpath="$(hadoop classpath 2>/dev/null)"
    fi
    weft_classpath="$lib/*:${hadoop_classpath:-$lib/hadoop/*}"

    weft_conf_dir="${WEFT_CONF_DIR:-$WEFT_HOME/conf}"
    [ -d "$weft_conf_dir" ] || weft_fail 2 "The configuration directory $weft_conf_dir (WEFT_CONF_DIR) does not exist"
    weft_log_dir="${WEFT_LOG_DIR:-$WEFT_HOME/log}"
    weft_log_config="$weft_conf_dir/log4j2.properties"
    if [ ! -f "$weft_log_config" ]; then
        # A conf dir of one's own may hold only weft-conf.yaml: keep the shipped logging then.
        weft_log_config="$WEFT_HOME/conf/log4j2.properties"
    fi

    if [ -n "${JAVA_HOME:-}" ]; then
        weft_java="$JAVA_HOME/bin/java"
        [ -x "$weft_java" ] || weft_fail 2 "JAVA_HOME is $JAVA_HOME, but $weft_java is not an executable: point JAVA_HOME at a Java 17 or later"
    elif command -v java >/dev/null 2>&1; then
        weft_java="java"
    else
        weft_fail 2 "Java not found: install Java 17 or later, or set JAVA_HOME"
    fi

    weft_start
}
