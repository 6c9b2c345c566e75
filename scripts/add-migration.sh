#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets (EF Core builds one provider at a time).
#   ./scripts/add-migration.sh AddSomething
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
    dotnet ef migrations add "$name" --project "src/Vigia.Migrations.$provider" \
        --startup-project "src/Vigia.Migrations.$provider" --output-dir Migrations
done
