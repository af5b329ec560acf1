#!/usr/bin/env bash
# The layers of STYLE.md, checked by their includes (linking alone does not stop a header-only
# library on the system include path): core includes only the standard library; domain only
# the standard library, core and domain; optim only those and LEMON; storage, api, net and io
# never reach the layers beside or above them. Prints each offending include and fails if
# there is one.
#   tests/layers/check_layers.sh SRC_DIR
set -euo pipefail
src=${1:?usage: check_layers.sh SRC_DIR}
status=0

# Reports the includes of files under $1 that match the extended regex $2, as $3; includes that
# match the extended regex $4, when given, are allowed.
refuse() {
  local dir=$1 pattern=$2 why=$3 allowed=${4:-} found
  found=$(grep -rnE --include='*.hpp' --include='*.cpp' "$pattern" "$src/$dir" || true)
  if [[ -n $allowed && -n $found ]]; then
    found=$(grep -vE "$allowed" <<<"$found" || true)
  fi
  if [[ -n $found ]]; then
    echo "$why:"
    echo "$found" | sed "s|^$src/|  src/|"
    status=1
  fi
}

# A standard header is <name> without a folder or an extension.
not_std='^[[:space:]]*#[[:space:]]*include[[:space:]]*<([^>]*/[^>]*|[^>]*\.[^>]*)>'
refuse core "$not_std" "core includes only the standard library"
refuse core '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(domain|optim|storage|api|net|io|app|crypto)/' \
  "core includes no other layer"
refuse domain "$not_std" "domain includes only the standard library (no Boost, SOCI, JSON or spdlog)"
refuse domain '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(optim|storage|api|net|io|app|crypto)/' \
  "domain includes only core and domain"
# optim: the solvers over domain problems (LEMON); nothing of storage, api, net, io or app.
refuse optim "$not_std" "optim includes only the standard library and LEMON" \
  '^[^:]*:[0-9]+:[[:space:]]*#[[:space:]]*include[[:space:]]*<lemon/[^>]*>'
refuse optim '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(storage|api|net|io|app|crypto)/' \
  "optim includes only core, domain and optim"
refuse storage '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(api|net|app)/' "storage never includes api, net or app"
refuse api '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(storage|app)/' "api never includes storage or app"
refuse net '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(storage|app|domain)/' \
  "net includes no storage, app or domain"
refuse io '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(storage|api|net|app)/' "io never includes storage, api, net or app"
exit $status
