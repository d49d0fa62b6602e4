# Adds the demo organisations to the configured database (DATABASE_URL or the embedded one).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
npm run seed
exit $LASTEXITCODE
