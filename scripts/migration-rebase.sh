#!/usr/bin/env bash
# Rebuilds one module's migration on top of another branch's migrations (default: main), so
# branches that each added tables merge into one straight migration history:
#   scripts/migration-rebase.sh <module> [base]
# It keeps the block between `-- <module>:custom begin` and `-- <module>:custom end` (SQL that
# drizzle-kit cannot generate: triggers, special indexes) and appends it to the new file.
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?usage: scripts/migration-rebase.sh <module> [base]}
base=${2:-main}
dir=apps/server/migrations
custom=$(mktemp)
old=$(ls "$dir"/*_"$module".sql 2>/dev/null | head -1 || true)
if [ -n "$old" ]; then sed -n "/^-- $module:custom begin/,/^-- $module:custom end/p" "$old" > "$custom"; fi
rm -rf "$dir"
git checkout "$base" -- "$dir"
git reset -q -- "$dir"
npx drizzle-kit generate --config apps/server/drizzle.config.ts --name "$module"
new=$(ls "$dir"/*_"$module".sql 2>/dev/null | head -1 || true)
if [ -s "$custom" ]; then
  [ -n "$new" ] || { echo "no schema change for $module, but a custom block: add it by hand" >&2; exit 1; }
  { printf '%s\n' '--> statement-breakpoint'; cat "$custom"; } >> "$new"
fi
echo "migration for $module: ${new:-none (no schema change)}"
