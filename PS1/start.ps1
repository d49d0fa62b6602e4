# Starts the app (builds the PWA if needed) on http://localhost:8787 with the embedded database.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
npm start
exit $LASTEXITCODE
