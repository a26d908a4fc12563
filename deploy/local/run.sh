#!/usr/bin/env bash
# The whole federation on this machine: embedded Kafka and PostgreSQL, four registries,
# recognition, audit and the operator console, each its own process. Needs only a JDK 17+.
#   deploy/local/run.sh            start (data kept in .yrd/data between runs)
#   deploy/local/run.sh --wipe     start empty
#   deploy/local/run.sh --demo     load 2,000 demo organizations (--demo 200000 for more)
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "Building the services (./mvnw install -DskipTests; a few minutes the first time, seconds after) …"
./mvnw -B -q install -DskipTests
exec ./mvnw -B -q -pl deploy/local exec:java -Dexec.mainClass=cn.yrd.local.FederationMain -Dyrd.root="$PWD" -Dexec.args="$*"
