#!/usr/bin/env bash
# The store-backed suites: PHPUnit integration tests and Playwright end-to-end tests, against a real
# WordPress + WooCommerce + MariaDB store and the ProxyAPI simulator (tools/store).
#
# The e2e store is its own site (directory and ports), fresh for every run unless PVP_E2E_REUSE=1, so a
# developer's `npm start` store is never touched and runs are deterministic.
set -uo pipefail
cd "$(dirname "$0")/../.."

export PVP_STORE_DIR="${PVP_E2E_STORE_DIR:-$HOME/.local/share/pay-via-proxyapi/e2e-store}"
export PVP_STORE_PORT="${PVP_E2E_STORE_PORT:-8890}"
export PVP_SIM_PORT="${PVP_E2E_SIM_PORT:-8900}"
export PVP_STORE_MU_PLUGINS="$PWD/tests/e2e/mu-plugins"
export PVP_STORE_URL="http://127.0.0.1:${PVP_STORE_PORT}"
export PVP_SIM_URL="http://127.0.0.1:${PVP_SIM_PORT}"

# One run per store at a time: a second run would stop and wipe the store under the first one.
mkdir -p "$(dirname "$PVP_STORE_DIR")"
exec 9>"$PVP_STORE_DIR.run.lock"
if ! flock -n 9; then
	echo "Another e2e run is using $PVP_STORE_DIR; waiting for it to finish..."
	flock 9
fi

if [ "${PVP_E2E_REUSE:-0}" != 1 ]; then
	bash tools/store/store.sh stop >/dev/null 2>&1 || true
	export PVP_STORE_FRESH=1
fi

bash tools/store/store.sh start
started=$?
if [ "$started" = 3 ]; then
	echo
	echo "########################################################################################"
	echo "# E2E SKIPPED: WordPress/WooCommerce are not in the cache (see README, 'The local store')."
	echo "# The PHP integration and Playwright suites did not run; every other suite did."
	echo "########################################################################################"
	exit 0
elif [ "$started" != 0 ]; then
	echo "The e2e store did not start (exit $started); see the lines above." >&2
	bash tools/store/store.sh stop || true
	exit "$started"
fi

stop_store() {
	if [ "${PVP_E2E_KEEP:-0}" != 1 ]; then
		bash tools/store/store.sh stop >/dev/null 2>&1 || true
	fi
}
trap stop_store EXIT

status=0
if [ "${PVP_E2E_PHPUNIT:-1}" = 1 ]; then
	PVP_PHPUNIT_SUITE=integration phpunit --testsuite integration ${PVP_E2E_PHPUNIT_FILTER:+--filter "$PVP_E2E_PHPUNIT_FILTER"} || status=1
fi
if [ "${PVP_E2E_PLAYWRIGHT:-1}" = 1 ]; then
	npx playwright test --config tests/e2e/playwright.config.ts "$@" || status=1
fi
exit "$status"
