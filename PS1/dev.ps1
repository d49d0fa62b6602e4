# Development: the sync server restarted on change and Vite with hot reload on http://localhost:5173.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
npm run dev
exit $LASTEXITCODE
