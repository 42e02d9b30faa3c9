#!/usr/bin/env bash
#
# Shared by weft-sandbox, yarn and hdfs (sourced, never run, after they set 'bin' to their own directory): finds
# WEFT_HOME, the sandbox's and Hadoop's jars and Java, and sets
#   WEFT_HOME             the parent of $bin
#   weft_hadoop_classpath lib/sandbox/* (the sandbox, logging) then lib/hadoop/* (Hadoop's shaded client)
#   weft_java             the java executable
# or exits with code 2 and a one-line error.
#
# Layouts: a distribution (bin/, lib/sandbox/, lib/hadoop/) or the repository root after
# 'mvn -q -DskipTests package' (scripts/, dist/target/weft/lib/).

weft_fail() {
    local code="$1"
    shift
    echo "${0##*/}: $*" >&2
    exit "$code"
}

# shellcheck disable=SC2154 # 'bin' comes from the sourcing script
# shellcheck source-path=SCRIPTDIR source=weft-locale.sh
. "$bin/weft-locale.sh" || exit 2
WEFT_HOME="$(cd -P "$bin/.." && pwd)" || exit 2

if [ -f "$WEFT_HOME/lib/sandbox/weft-sandbox.jar" ]; then
    weft_lib="$WEFT_HOME/lib"
elif [ -f "$WEFT_HOME/dist/target/weft/lib/sandbox/weft-sandbox.jar" ]; then
    weft_lib="$WEFT_HOME/dist/target/weft/lib"
else
    weft_fail 2 "Weft is not built (no lib/sandbox/weft-sandbox.jar): run 'mvn -q -DskipTests package' first"
fi
# The sandbox runs the Hadoop version it was built with, so always the shipped client jars, never 'hadoop classpath'.
# shellcheck disable=SC2034 # used by the sourcing script
weft_hadoop_classpath="$weft_lib/sandbox/*:$weft_lib/hadoop/*"

if [ -n "${JAVA_HOME:-}" ]; then
    weft_java="$JAVA_HOME/bin/java"
    [ -x "$weft_java" ] || weft_fail 2 "JAVA_HOME is $JAVA_HOME, but $weft_java is not an executable: point JAVA_HOME at a Java 17 or later"
elif command -v java >/dev/null 2>&1; then
    weft_java="java"
else
    weft_fail 2 "Java not found: install Java 17 or later, or set JAVA_HOME"
fi
