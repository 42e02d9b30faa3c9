#!/usr/bin/env bash
#
# Starts or stops a Weft session cluster on YARN (Flink's yarn-session.sh, for Weft):
#   yarn-session.sh [-d] [-nm NAME] [-qu QUEUE] [-s SLOTS] [-tm MEMORY] [-jm MEMORY] [-D key=value]...
#   yarn-session.sh [-id APP_ID] stop
# Starting writes the session's id to the YARN properties file
# (<yarn.properties-file.location or java.io.tmpdir>/.yarn-properties-$USER), where 'weft run|list|status|cancel
# -t yarn-session' find it, and prints the application id and the REST URL. Detached (-d) it returns then;
# attached it waits until 'stop' is typed (or stdin ends, or Ctrl-C) and stops the session. 'stop' asks the
# session to shut down (DELETE /cluster), kills it when it does not end in time, and removes the properties file
# when it names that session. 'yarn-session.sh --help' lists every option.
#
# Environment:
#   HADOOP_CONF_DIR   directory of the cluster's core-site.xml, hdfs-site.xml and yarn-site.xml (or YARN_CONF_DIR)
#   JAVA_HOME         Java 17 or later to run with (default: 'java' on the PATH)
#   JVM_ARGS          options of the client JVM (default: -Xmx1g)
#   WEFT_CONF_DIR     directory of weft-conf.yaml and log4j2-cli.properties (default: $WEFT_HOME/conf)
#   WEFT_LOG_DIR      directory of weft-client.log (default: $WEFT_HOME/log)
#   WEFT_DEBUG=1      print stack traces of errors, as -v does
#   HADOOP_CLASSPATH  Hadoop's jars to use (default: 'hadoop classpath' when a Hadoop installation is on the
#                     PATH, else the client jars shipped in lib/hadoop/)
#
# Exit codes: 0 started (detached) or stopped, 1 the session failed to start or ended on its own, 2 usage or
# configuration error, 3 cluster or session unreachable.

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

# 'weft' finds WEFT_HOME, Java and Hadoop's jars the same way for both; it runs the session command instead.
WEFT_CLIENT_MAIN_CLASS=io.weft.client.cli.YarnSessionCli exec "$bin/weft" "$@"
