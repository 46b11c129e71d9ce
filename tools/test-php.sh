#!/usr/bin/env bash
# Runs the PHP unit suite (no WordPress needed). The integration suite needs the local store and is run
# by tests/e2e/run.sh, which starts it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v phpunit >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "Installing PHPUnit from Debian's packages..."
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends phpunit >/dev/null
	else
		echo "PHPUnit is missing: install it (Debian: apt-get install phpunit) and run again." >&2
		exit 1
	fi
fi
exec phpunit --testsuite unit "$@"
