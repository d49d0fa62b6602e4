# Runs lint, type-check, unit, integration and e2e tests (the same command as CI).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
$env:PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1'
npm test
exit $LASTEXITCODE
