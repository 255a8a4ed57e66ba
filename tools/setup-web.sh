#!/usr/bin/env bash
# Installs what the replay viewer (web/, served by `iadsim view`) needs on Debian 12: node and npm
# (Debian's packages, unless a node is already installed), then the viewer's npm packages at the
# exact versions of web/package-lock.json (`npm ci`, rerun only when the lock file changes).
# With --browser, also Debian's chromium for the viewer's headless browser test.
# Usage: tools/setup-web.sh [--browser]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
extra=()
command -v node >/dev/null || extra+=(nodejs)
command -v npm >/dev/null || extra+=(npm)
[[ "${1:-}" == "--browser" ]] && ! command -v chromium >/dev/null && extra+=(chromium)
[[ ${#extra[@]} -eq 0 ]] || bash "$ROOT/tools/setup-debian.sh" "${extra[@]}"

node -e 'const [a, b] = process.versions.node.split(".").map(Number); if (a < 18 || (a === 18 && b < 18)) { console.error(`setup: node ${process.versions.node} is too old for the viewer (>= 18.18)`); process.exit(1); }'
lock_sum=$(sha256sum "$ROOT/web/package-lock.json" | cut -d' ' -f1)
stamp="$ROOT/web/node_modules/.iadsim-lock-sha256"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_sum" ]]; then
  echo "setup: installing the viewer's npm packages (web/package-lock.json)"
  (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$stamp"
fi
