#!/usr/bin/env bash
# Lints the live OpenAPI documents that deploy/e2e's SecurityAndBadInputTest wrote to
# deploy/e2e/target/openapi, with Redocly (recommended) and Spectral (spectral:oas), and
# event-contracts/asyncapi.yaml with Spectral (spectral:asyncapi):
# 0 errors and 0 warnings, or this fails. Usage: deploy/api-lint/lint.sh [DOCUMENT...]
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
docs=("$@")
if [ ${#docs[@]} -eq 0 ]; then
  docs=(../e2e/target/openapi/*.json)
fi
[ -e "${docs[0]}" ] || { echo "no OpenAPI documents: run ./mvnw verify first" >&2; exit 2; }
status=0
for doc in "${docs[@]}"; do
  echo "== $doc"
  out=$(npx --no-install redocly lint --config redocly.yaml --format=stylish "$doc" 2>&1) || status=1
  problems=$(grep -E "^\s+[0-9]+:[0-9]+\s+(error|warning)" <<<"$out" || true)
  if [ -n "$problems" ]; then
    echo "Redocly:"; echo "$problems"; status=1
  fi
  npx --no-install spectral lint --quiet --ruleset .spectral.yaml --fail-severity=warn "$doc" || status=1
done
echo "== ../../event-contracts/asyncapi.yaml"
npx --no-install spectral lint --quiet --ruleset .spectral-asyncapi.yaml --fail-severity=warn \
  ../../event-contracts/asyncapi.yaml || status=1
[ $status -eq 0 ] && echo "API lint: ${#docs[@]} OpenAPI documents and the AsyncAPI document, 0 errors, 0 warnings"
exit $status
