#!/usr/bin/env bash
# The whole federation on this machine: embedded Kafka and PostgreSQL, four registries,
# recognition, audit and the operator console, each its own process. Needs only a JDK 17+.
#   deploy/local/run.sh            start (data kept in .yrd/data between runs)
#   deploy/local/run.sh --wipe     start empty
#   deploy/local/run.sh --demo     load 2,000 demo organizations (--demo 200000 for more)
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Build only when a source is newer than the oldest service jar: a rebuilt jar, even an identical
# one, makes every class-data archive stale (the JVM checks the jar's time and size).
jars="registry-service/target/registry-service-runner.jar recognition-service/target/recognition-service-runner.jar
      audit-service/target/audit-service-runner.jar console/target/console-runner.jar"
oldest=""
for jar in $jars; do
  if [ ! -f "$jar" ]; then oldest=""; break; fi
  if [ -z "$oldest" ] || [ "$jar" -ot "$oldest" ]; then oldest=$jar; fi
done
if [ -n "$oldest" ] && [ -z "$(find pom.xml ./*/pom.xml ./*/src deploy/local/pom.xml deploy/local/src -newer "$oldest" -type f \
    -not -path '*/target/*' -print -quit)" ]; then
  echo "The services are built and up to date (./mvnw install -DskipTests to build anyway)."
else
  echo "Building the services (./mvnw install -DskipTests; a few minutes the first time) …"
  ./mvnw -B -q install -DskipTests
fi
exec ./mvnw -B -q -pl deploy/local exec:java -Dexec.mainClass=cn.yrd.local.FederationMain -Dyrd.root="$PWD" -Dexec.args="$*"
