#!/usr/bin/env bash
# The check action.yml runs in the caller's working directory: rmctl validate --format github, then
# (when INPUT_GENERATED names a file) rmctl generate --check against it. Exit 1 when either fails.
# Environment: RMCTL_HOME (this package), INPUT_PROVIDERS, INPUT_MAPPINGS, INPUT_STRICT, INPUT_GENERATED.
set -uo pipefail
rmctl=(node "$RMCTL_HOME/bin/rmctl")
sources=(--providers "$INPUT_PROVIDERS" --mappings "$INPUT_MAPPINGS")
if [ "${INPUT_STRICT:-false}" = "true" ]; then sources+=(--strict); fi
status=0
"${rmctl[@]}" validate --format github "${sources[@]}" || status=$?
if [ -n "${INPUT_GENERATED:-}" ]; then
  "${rmctl[@]}" generate --check --out "$INPUT_GENERATED" "${sources[@]}" || { s=$?; [ "$status" -eq 0 ] && status=$s; }
fi
exit "$status"
