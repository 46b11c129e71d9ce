#!/usr/bin/env bash
# The local test store: a real WordPress + WooCommerce shop on 127.0.0.1, from Debian's packages (MariaDB,
# PHP 8.2 FPM, nginx), with no Docker and no WP-CLI. See tools/store/README.md.
#
#   bash tools/store/store.sh start|stop|status|deploy|reset
#
# Exit codes: 0 done, 1 failed, 2 usage, 3 a prerequisite is missing and cannot be fetched here
# (WordPress/WooCommerce/theme sources or system packages): callers report "skipped".
set -euo pipefail
umask 022 # the web server's workers may run as another user and must read what we write

readonly EXIT_FAILED=1 EXIT_USAGE=2 EXIT_MISSING=3

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
readonly SCRIPT_DIR REPO_ROOT

STORE_DIR=${PVP_STORE_DIR:-$HOME/.local/share/pay-via-proxyapi/store}
CACHE_DIR=${PVP_WP_CACHE:-$HOME/.cache/pay-via-proxyapi}
PORT=${PVP_STORE_PORT:-8889}
SIM_PORT=${PVP_SIM_PORT:-8899}

# What to fetch when the cache is empty and the machine is online (official WordPress.org zips).
readonly WP_ZIP_URL=https://downloads.wordpress.org/release/wordpress-6.5.5.zip
readonly WC_ZIP_URL=https://downloads.wordpress.org/plugin/woocommerce.9.4.3.zip
readonly THEME_NPM_SPEC=@wp-playground/wordpress-builds@0.9.19
readonly THEME_NPM_TGZ=wp-playground-wordpress-builds-0.9.19.tgz

readonly PLUGIN_SLUG=pay-via-proxyapi

# Debian packages of the recipe (bookworm). chromium and fonts are for the browser tests.
readonly APT_PACKAGES=(
	php8.2-cli php8.2-fpm php8.2-mysql php8.2-sqlite3 php8.2-curl php8.2-gd php8.2-intl php8.2-mbstring
	php8.2-xml php8.2-zip php8.2-bcmath mariadb-server mariadb-client nginx-light curl unzip
	chromium fonts-liberation
)
readonly NEEDED_BINARIES=(php php-fpm8.2 mariadbd mariadb-install-db mariadb mariadb-admin nginx tar unzip curl)
readonly NEEDED_PHP_EXTENSIONS=(mysqli curl gd intl mbstring dom xml zip bcmath)

# ---------------------------------------------------------------------------------------------------------
# Output

say() { printf 'store: %s\n' "$*"; }
warn() { printf 'store: WARNING: %s\n' "$*" >&2; }
die() {
	printf 'store: ERROR: %s\n' "$*" >&2
	exit "$EXIT_FAILED"
}
# One clear line and exit 3, so that the e2e runner can report "skipped" instead of "failed".
die_missing() {
	printf 'store: MISSING: %s\n' "$*" >&2
	exit "$EXIT_MISSING"
}
# The last lines of a log, indented, to stderr (for error messages).
show_tail() {
	[[ -f $1 ]] && tail -n "${2:-20}" "$1" | sed 's/^/    /' >&2
	return 0
}

usage() {
	cat >&2 <<-EOF
		usage: bash tools/store/store.sh start|stop|status|deploy|reset

		  start    bring the store up (idempotent); PVP_STORE_FRESH=1 wipes the site directory first
		  stop     stop what start started
		  status   which processes run, and the URLs
		  deploy   copy plugin/ and build/ into the store and activate the plugin
		  reset    stop, wipe the site directory, start fresh

		environment: PVP_STORE_DIR PVP_WP_CACHE PVP_STORE_PORT PVP_SIM_PORT PVP_STORE_FRESH PVP_STORE_MU_PLUGINS
	EOF
	exit "$EXIT_USAGE"
}

# ---------------------------------------------------------------------------------------------------------
# Timing: every step of start is timed; the table is printed at the end and recorded in status.json.

STEP_NAMES=()
STEP_MICROS=()
START_MICROS=

micros() {
	local t=${EPOCHREALTIME//[.,]/}
	printf '%s' "$((10#$t))"
}

# Format microseconds as seconds with two decimals.
seconds() { printf '%d.%02d' "$(($1 / 1000000))" "$((($1 % 1000000) / 10000))"; }

# run_step "name" command args...: run, time and report one step.
run_step() {
	local name=$1 t0 dt
	shift
	t0=$(micros)
	"$@"
	dt=$(($(micros) - t0))
	STEP_NAMES+=("$name")
	STEP_MICROS+=("$dt")
	printf 'store: %-22s %6ss\n' "$name" "$(seconds "$dt")"
}

timings_json() {
	local i out='{' total=$(($(micros) - START_MICROS))
	for i in "${!STEP_NAMES[@]}"; do
		out+="\"${STEP_NAMES[$i]}\": $(seconds "${STEP_MICROS[$i]}"), "
	done
	printf '%s"total": %s}' "$out" "$(seconds "$total")"
}

print_timings() {
	local i total=$(($(micros) - START_MICROS))
	say "timings:"
	for i in "${!STEP_NAMES[@]}"; do
		printf '    %-22s %6ss\n' "${STEP_NAMES[$i]}" "$(seconds "${STEP_MICROS[$i]}")"
	done
	printf '    %-22s %6ss\n' "total" "$(seconds "$total")"
}

# ---------------------------------------------------------------------------------------------------------
# Paths and settings

check_port() {
	if ! [[ $2 =~ ^[0-9]+$ ]] || (($2 < 1 || $2 > 65535)); then
		die "$1 must be a TCP port number, got '$2'"
	fi
}

setup_paths() {
	check_port PVP_STORE_PORT "$PORT"
	check_port PVP_SIM_PORT "$SIM_PORT"
	[[ $PORT != "$SIM_PORT" ]] || die "PVP_STORE_PORT and PVP_SIM_PORT must differ"
	# Absolute paths (the PHP scripts and generated configs need them), without creating anything yet.
	[[ $STORE_DIR == /* ]] || STORE_DIR=$PWD/$STORE_DIR
	[[ $CACHE_DIR == /* ]] || CACHE_DIR=$PWD/$CACHE_DIR
	STORE_DIR=$(realpath -m "$STORE_DIR")
	CACHE_DIR=$(realpath -m "$CACHE_DIR")
	case $STORE_DIR/ in
	"$REPO_ROOT"/*) die "PVP_STORE_DIR must be outside the repository ($STORE_DIR)" ;;
	esac

	DOCROOT=$STORE_DIR/www
	DB_DIR=$STORE_DIR/db
	RUN_DIR=$STORE_DIR/run
	PID_DIR=$RUN_DIR/pids
	LOG_DIR=$STORE_DIR/logs
	ETC_DIR=$STORE_DIR/etc
	DB_SOCKET_DIR=$RUN_DIR/mysql
	DB_SOCKET=$DB_SOCKET_DIR/mysqld.sock
	FPM_SOCKET=$RUN_DIR/php-fpm.sock
	STATUS_FILE=$STORE_DIR/status.json
	SITE_URL=http://127.0.0.1:$PORT
	SIM_URL=http://127.0.0.1:$SIM_PORT
	DEBUG_LOG=$LOG_DIR/php-error.log
	MAIL_LOG=$LOG_DIR/mail.jsonl

	# Unix socket paths are limited to 108 bytes.
	((${#DB_SOCKET} < 100)) || die "PVP_STORE_DIR is too deep for a unix socket path: $DB_SOCKET"
}

make_dirs() {
	mkdir -p "$CACHE_DIR" "$DOCROOT" "$DB_DIR" "$RUN_DIR" "$PID_DIR" "$LOG_DIR" "$ETC_DIR" "$DB_SOCKET_DIR" \
		"$RUN_DIR"/nginx/{client_body,fastcgi,proxy,uwsgi,scgi}
}

# Everything the PHP setup scripts need, passed through the environment.
export_php_env() {
	export PVP_DOCROOT=$DOCROOT PVP_SITE_URL=$SITE_URL PVP_SIM_URL=$SIM_URL PVP_STORE_DIR=$STORE_DIR \
		PVP_LOG_DIR=$LOG_DIR PVP_DB_SOCKET=$DB_SOCKET PVP_API_BASE_URL=$SIM_URL PVP_DEBUG_LOG=$DEBUG_LOG \
		PVP_MAIL_LOG=$MAIL_LOG PVP_SALTS_FILE=$ETC_DIR/wp-salts.php PVP_STATUS_FILE=$STATUS_FILE \
		PVP_PLUGIN_SLUG=$PLUGIN_SLUG
}

# A binary by name: PATH first, then the sbin directories a non-root PATH on Debian lacks.
find_bin() {
	local dir
	if command -v "$1" 2>/dev/null; then return 0; fi
	for dir in /usr/sbin /sbin /usr/local/sbin; do
		[[ -x $dir/$1 ]] && printf '%s\n' "$dir/$1" && return 0
	done
	return 1
}

# ---------------------------------------------------------------------------------------------------------
# Process records. Each process start launches gets $PID_DIR/<name>.pid: line 1 the PID, line 2 the
# executable it must be. Stop and status trust a PID only when /proc/<pid>/exe still is that executable
# (and, for node, the command line still names the simulator): PIDs get reused.

record_pid() { printf '%s\n%s\n' "$2" "$3" >"$PID_DIR/$1.pid"; }

# Prints the PID when the recorded process is alive and still ours.
live_pid() {
	local file=$PID_DIR/$1.pid pid expected exe
	[[ -f $file ]] || return 1
	{ read -r pid && read -r expected; } <"$file" || return 1
	[[ $pid =~ ^[0-9]+$ ]] || return 1
	exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 1
	exe=${exe% (deleted)} # the binary was upgraded under a running process
	[[ $exe == "$expected" ]] || return 1
	if [[ $1 == simulator ]]; then
		tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'tools/simulator/main.ts' || return 1
	fi
	printf '%s\n' "$pid"
}

# TERM, wait up to ~15 s, then KILL. A process that is not running (or not ours) is left alone.
stop_process() {
	local name=$1 pid i
	if ! pid=$(live_pid "$name"); then
		rm -f "$PID_DIR/$name.pid"
		return 0
	fi
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 150; i++)); do
		live_pid "$name" >/dev/null || break
		sleep 0.1
	done
	if live_pid "$name" >/dev/null; then
		warn "$name (pid $pid) ignored TERM for 15 s; sending KILL"
		kill -KILL "$pid" 2>/dev/null || true
		for ((i = 0; i < 50; i++)); do
			live_pid "$name" >/dev/null || break
			sleep 0.1
		done
	fi
	rm -f "$PID_DIR/$name.pid"
	say "stopped $name (pid $pid)"
}

readonly PROCESSES=(simulator nginx php-fpm mariadb) # stop order

any_running() {
	local name
	for name in "${PROCESSES[@]}"; do
		live_pid "$name" >/dev/null && return 0
	done
	return 1
}

# Is a TCP port on 127.0.0.1 accepting connections?
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Start a long-running process in its own session (no terminal signals, survives this script), with output
# to a log. Prints its PID. "setsid" execs in place here (a background job is not a group leader), so $! is
# the process itself.
launch() {
	local log=$1
	shift
	# 9>&-: the daemon must not inherit (and so hold forever) the lock of this script.
	setsid "$@" </dev/null >>"$log" 2>&1 9>&- &
	printf '%s\n' "$!"
}

# Wait until "$@" succeeds, up to $1 tenths of a second, failing early when process $2 has exited.
wait_for() {
	local tenths=$1 pid=$2 i
	shift 2
	for ((i = 0; i < tenths; i++)); do
		"$@" 2>/dev/null && return 0
		[[ -e /proc/$pid ]] && [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) != Z ]] || return 1
		sleep 0.1
	done
	return 1
}

# Write $2 to file $1 only if it differs. Returns 0 when the file changed.
write_if_changed() {
	if [[ -f $1 ]] && [[ $(<"$1") == "$2" ]]; then return 1; fi
	printf '%s\n' "$2" >"$1.tmp"
	mv "$1.tmp" "$1"
}

# Fill @@NAME@@ placeholders of a template from "NAME=value" arguments.
render() {
	local text kv
	text=$(<"$SCRIPT_DIR/templates/$1")
	shift
	for kv in "$@"; do
		# The quotes around the replacement keep bash 5.2 from treating "&" in it as the match.
		text=${text//"@@${kv%%=*}@@"/"${kv#*=}"}
	done
	[[ $text != *@@* ]] || die "template $1 has an unreplaced placeholder"
	printf '%s' "$text"
}

# Can a system user reach a directory (search permission on every ancestor)?
user_can_reach() { runuser -u "$1" -- test -x "$2" 2>/dev/null; }

# Who the services run as. Not root: everything runs as the current user. Root: MariaDB as "mysql" and
# nginx workers as "www-data" when those users can reach the site directory (the recipe); when the site
# directory is under a private home (e.g. /root), they run as root too. Test machines only.
decide_service_users() {
	DB_OS_USER='' NGINX_USER=''
	((EUID == 0)) || return 0
	if id mysql >/dev/null 2>&1 && user_can_reach mysql "$STORE_DIR"; then DB_OS_USER=mysql; else DB_OS_USER=root; fi
	if id www-data >/dev/null 2>&1 && user_can_reach www-data "$STORE_DIR"; then NGINX_USER=www-data; else NGINX_USER=root; fi
}

# The MariaDB account that administers the server over the socket (unix_socket authentication).
db_admin_user() { if ((EUID == 0)); then printf root; else id -un; fi; }

# ---------------------------------------------------------------------------------------------------------
# Step: packages

missing_prerequisites() {
	local b ext missing=()
	for b in "${NEEDED_BINARIES[@]}"; do
		find_bin "$b" >/dev/null || missing+=("$b")
	done
	if find_bin php >/dev/null; then
		# One PHP process for all extensions: prints the missing ones.
		# shellcheck disable=SC2016 # PHP code, not shell
		for ext in $(php -r 'foreach (array_slice($argv, 1) as $e) { if (!extension_loaded($e)) { echo "$e\n"; } }' \
			"${NEEDED_PHP_EXTENSIONS[@]}" 2>/dev/null); do
			missing+=("php-$ext")
		done
	fi
	printf '%s\n' "${missing[@]}"
}

ensure_packages() {
	local missing
	missing=$(missing_prerequisites | tr '\n' ' ')
	if [[ -z ${missing// /} ]]; then
		find_bin chromium >/dev/null && return 0
		# The store runs without it; the browser tests don't. Root installs it with the rest of the list.
		if ((EUID != 0)); then
			warn "chromium is not installed (the browser tests need it; as root: apt-get install chromium fonts-liberation)"
			return 0
		fi
		missing='chromium '
	fi
	if ((EUID != 0)); then
		die_missing "system packages missing (${missing% }); as root run: apt-get install --no-install-recommends ${APT_PACKAGES[*]}"
	fi
	say "installing Debian packages (missing: ${missing% })"
	if ! apt-get update >"$LOG_DIR/apt.log" 2>&1 ||
		! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${APT_PACKAGES[@]}" >>"$LOG_DIR/apt.log" 2>&1; then
		show_tail "$LOG_DIR/apt.log" 5
		die_missing "apt-get could not install the store's packages (offline?); see $LOG_DIR/apt.log"
	fi
	missing=$(missing_prerequisites | tr '\n' ' ')
	[[ -z ${missing// /} ]] || die "still missing after apt-get install: $missing"
}

# ---------------------------------------------------------------------------------------------------------
# Step: node dependencies and the block build (needed by the simulator and the deployed plugin)

ensure_node_deps() {
	[[ -f $REPO_ROOT/package.json ]] || return 0
	if ! command -v npm >/dev/null 2>&1; then
		warn "npm not found: no node_modules, no build, no simulator"
		return 0
	fi
	if [[ ! -d $REPO_ROOT/node_modules ]]; then
		local cmd=install
		[[ -f $REPO_ROOT/package-lock.json ]] && cmd=ci
		say "npm $cmd (node_modules is missing)"
		if ! (cd "$REPO_ROOT" && npm "$cmd" --no-audit --no-fund) >"$LOG_DIR/npm.log" 2>&1; then
			show_tail "$LOG_DIR/npm.log" 10
			warn "npm $cmd failed (see $LOG_DIR/npm.log): the build and the simulator may be unavailable"
			return 0
		fi
	fi
	if [[ ! -f $REPO_ROOT/build/checkout-block.js ]]; then
		if [[ ! -d $REPO_ROOT/assets-src ]]; then
			warn "build/checkout-block.js is missing and there is no assets-src/ to build it from"
			return 0
		fi
		say "npm run build (build/checkout-block.js is missing)"
		if ! (cd "$REPO_ROOT" && npm run build) >"$LOG_DIR/build.log" 2>&1; then
			show_tail "$LOG_DIR/build.log" 10
			warn "npm run build failed (see $LOG_DIR/build.log): the plugin is deployed without a fresh build"
		fi
	fi
}

# ---------------------------------------------------------------------------------------------------------
# Step: sources (WordPress core, WooCommerce, theme) from the cache

# Unpack a zip once into $CACHE_DIR/unpacked/<zip name>/ and print that directory.
unpack_zip() {
	local zip=$1 dest tmp
	dest=$CACHE_DIR/unpacked/$(basename "$zip" .zip)
	if [[ ! -f $dest/.complete ]]; then
		tmp=$dest.tmp.$$
		rm -rf "$tmp" "$dest"
		mkdir -p "$tmp"
		unzip -q "$zip" -d "$tmp" || {
			rm -rf "$tmp"
			return 1
		}
		touch "$tmp/.complete"
		mv "$tmp" "$dest"
	fi
	printf '%s\n' "$dest"
}

# Download an official zip into the cache. Short connect timeout: offline must fail fast.
download_zip() {
	local url=$1 dest=$CACHE_DIR/${1##*/}
	say "downloading $url" >&2 # stdout is the result
	if curl -fsSL --connect-timeout 5 --max-time 600 -o "$dest.part" "$url" 2>>"$LOG_DIR/download.log" &&
		unzip -tq "$dest.part" >/dev/null 2>&1; then
		mv "$dest.part" "$dest"
		printf '%s\n' "$dest"
		return 0
	fi
	rm -f "$dest.part"
	return 1
}

newest() { printf '%s\n' "$@" | sort -V | tail -n 1; }

# Sets WP_SRC to a WordPress core tree: $CACHE/wordpress/, else a wordpress-*.zip in the cache, else a
# download. Empty when none is possible.
find_wordpress() {
	local zips=() zip dir
	WP_SRC=
	if [[ -f $CACHE_DIR/wordpress/wp-includes/version.php && -f $CACHE_DIR/wordpress/wp-load.php ]]; then
		WP_SRC=$CACHE_DIR/wordpress
		return 0
	fi
	shopt -s nullglob
	zips=("$CACHE_DIR"/wordpress-*.zip)
	shopt -u nullglob
	if ((${#zips[@]} == 0)); then
		zip=$(download_zip "$WP_ZIP_URL") || return 0
	else
		zip=$(newest "${zips[@]}")
	fi
	dir=$(unpack_zip "$zip") || return 0
	[[ -f $dir/wordpress/wp-includes/version.php ]] && WP_SRC=$dir/wordpress
	return 0
}

# Sets WC_SRC to a built WooCommerce: $CACHE/woocommerce/, else a woocommerce*.zip, else a download.
find_woocommerce() {
	local zips=() zip dir
	WC_SRC=
	if [[ -f $CACHE_DIR/woocommerce/woocommerce.php ]]; then
		WC_SRC=$CACHE_DIR/woocommerce
		return 0
	fi
	shopt -s nullglob
	zips=("$CACHE_DIR"/woocommerce*.zip)
	shopt -u nullglob
	if ((${#zips[@]} == 0)); then
		zip=$(download_zip "$WC_ZIP_URL") || return 0
	else
		zip=$(newest "${zips[@]}")
	fi
	dir=$(unpack_zip "$zip") || return 0
	[[ -f $dir/woocommerce/woocommerce.php ]] && WC_SRC=$dir/woocommerce
	return 0
}

# Sets THEME_SRC to Twenty Twenty-Four: $CACHE/twentytwentyfour/, else built there once from the npm package
# (its WordPress 6.5 zip holds the theme's PHP and templates, its public/ tree the fonts, readme and
# screenshot, copied over without overwriting).
find_theme() {
	local tgz=$CACHE_DIR/$THEME_NPM_TGZ tmp
	THEME_SRC=
	if [[ -f $CACHE_DIR/twentytwentyfour/style.css ]]; then
		THEME_SRC=$CACHE_DIR/twentytwentyfour
		return 0
	fi
	if [[ ! -f $tgz ]]; then
		command -v npm >/dev/null 2>&1 || return 0
		say "npm pack $THEME_NPM_SPEC (for the Twenty Twenty-Four theme)"
		(cd "$CACHE_DIR" && npm pack "$THEME_NPM_SPEC" --pack-destination "$CACHE_DIR") >>"$LOG_DIR/download.log" 2>&1 || return 0
		[[ -f $tgz ]] || return 0
	fi
	tmp=$CACHE_DIR/.twentytwentyfour.tmp.$$
	rm -rf "$tmp"
	mkdir -p "$tmp"
	if tar -xzf "$tgz" -C "$tmp" package/src/wordpress/wp-6.5.zip package/public/wp-6.5/wp-content/themes/twentytwentyfour &&
		unzip -q "$tmp/package/src/wordpress/wp-6.5.zip" 'wp-content/themes/twentytwentyfour/*' -d "$tmp/zip" &&
		cp -Rn "$tmp/package/public/wp-6.5/wp-content/themes/twentytwentyfour/." "$tmp/zip/wp-content/themes/twentytwentyfour/" &&
		[[ -f $tmp/zip/wp-content/themes/twentytwentyfour/style.css ]]; then
		rm -rf "$CACHE_DIR/twentytwentyfour"
		mv "$tmp/zip/wp-content/themes/twentytwentyfour" "$CACHE_DIR/twentytwentyfour"
		THEME_SRC=$CACHE_DIR/twentytwentyfour
	fi
	rm -rf "$tmp"
}

resolve_sources() {
	local missing=() joined
	find_wordpress
	find_woocommerce
	[[ -n $WP_SRC ]] || missing+=("WordPress 6.5 core (a core tree at $CACHE_DIR/wordpress/ or wordpress-6.5.x.zip in $CACHE_DIR)")
	[[ -n $WC_SRC ]] || missing+=("WooCommerce 9.4 (the built plugin at $CACHE_DIR/woocommerce/ or woocommerce.9.4.x.zip in $CACHE_DIR)")
	# The theme comes last: no point fetching it for a store that cannot be built anyway.
	((${#missing[@]})) || find_theme
	[[ -n $WP_SRC && -n $WC_SRC && -z $THEME_SRC ]] &&
		missing+=("theme Twenty Twenty-Four (at $CACHE_DIR/twentytwentyfour/, or $THEME_NPM_TGZ from npm pack $THEME_NPM_SPEC in $CACHE_DIR)")
	if ((${#missing[@]})); then
		joined=$(printf '%s; ' "${missing[@]}")
		die_missing "cannot build the store here (offline?); put in place: ${joined%; }"
	fi
}

# ---------------------------------------------------------------------------------------------------------
# Step: code in place

# A stamp that changes when a source changes: its path, version and main file's mtime.
source_stamp() { printf '%s %s %s' "$1" "$2" "$(stat -c %Y "$1/$3")"; }

php_string_of() { sed -n "s/^[[:space:]]*\\\$$2 = '\\([^']*\\)'.*/\\1/p" "$1" | head -n 1; }
header_version_of() { sed -n 's/^[[:space:]*]*Version:[[:space:]]*\([^[:space:]]*\).*/\1/p' "$1" | head -n 1; }

place_core() {
	local stamp_file=$RUN_DIR/core.stamp stamp f name
	WP_VERSION=$(php_string_of "$WP_SRC/wp-includes/version.php" wp_version)
	stamp=$(source_stamp "$WP_SRC" "$WP_VERSION" wp-includes/version.php)
	if [[ -f $DOCROOT/wp-includes/version.php && -f $stamp_file && $(<"$stamp_file") == "$stamp" ]]; then
		return 0
	fi
	rm -rf "$DOCROOT/wp-admin" "$DOCROOT/wp-includes"
	# Only core files. Never a tree's wp-config.php (it can hold real credentials), plugins, themes or uploads.
	for f in "$WP_SRC"/*.php "$WP_SRC"/license.txt "$WP_SRC"/readme.html; do
		name=${f##*/}
		[[ -f $f && $name != wp-config.php ]] && cp "$f" "$DOCROOT/$name"
	done
	cp -R "$WP_SRC/wp-admin" "$WP_SRC/wp-includes" "$DOCROOT/"
	mkdir -p "$DOCROOT"/wp-content/{plugins,themes,uploads,mu-plugins}
	for f in "$DOCROOT/wp-content" "$DOCROOT/wp-content/plugins" "$DOCROOT/wp-content/themes"; do
		cp "$WP_SRC/wp-content/index.php" "$f/index.php"
	done
	printf '%s\n' "$stamp" >"$stamp_file"
	say "WordPress $WP_VERSION core copied"
}

# Copy a directory to $2 by way of a temporary sibling, then swap, so the old copy is replaced whole.
replace_dir() {
	local src=$1 dest=$2 tmp=$RUN_DIR/replace.$$ old=$RUN_DIR/replaced.$$
	rm -rf "$tmp" "$old"
	cp -R "$src" "$tmp"
	[[ -e $dest || -L $dest ]] && mv "$dest" "$old"
	mv "$tmp" "$dest"
	rm -rf "$old"
}

place_woocommerce() {
	local stamp_file=$RUN_DIR/woocommerce.stamp stamp
	WC_VERSION=$(header_version_of "$WC_SRC/woocommerce.php")
	stamp=$(source_stamp "$WC_SRC" "$WC_VERSION" woocommerce.php)
	if [[ -f $DOCROOT/wp-content/plugins/woocommerce/woocommerce.php && -f $stamp_file && $(<"$stamp_file") == "$stamp" ]]; then
		return 0
	fi
	replace_dir "$WC_SRC" "$DOCROOT/wp-content/plugins/woocommerce"
	printf '%s\n' "$stamp" >"$stamp_file"
	say "WooCommerce $WC_VERSION copied"
}

place_theme() {
	[[ -f $DOCROOT/wp-content/themes/twentytwentyfour/style.css ]] && return 0
	replace_dir "$THEME_SRC" "$DOCROOT/wp-content/themes/twentytwentyfour"
}

# Our must-use plugin, plus the *.php of each directory in PVP_STORE_MU_PLUGINS (the e2e suite adds a
# test-only plugin this way). Extras copied by an earlier start are removed first, so a start without
# them gives a store without them.
place_mu_plugins() {
	local mu=$DOCROOT/wp-content/mu-plugins manifest=$RUN_DIR/mu-plugins-extra.list name dir f
	local dirs=()
	if [[ -f $manifest ]]; then
		while IFS= read -r name; do
			[[ -n $name && $name != */* ]] && rm -f "$mu/$name"
		done <"$manifest"
	fi
	cp "$SCRIPT_DIR"/mu-plugins/*.php "$mu/"
	: >"$manifest"
	[[ -n ${PVP_STORE_MU_PLUGINS:-} ]] || return 0
	IFS=: read -r -a dirs <<<"$PVP_STORE_MU_PLUGINS"
	for dir in "${dirs[@]}"; do
		[[ -n $dir ]] || continue
		[[ -d $dir ]] || die "PVP_STORE_MU_PLUGINS: not a directory: $dir"
		for f in "$dir"/*.php; do
			[[ -f $f ]] || continue
			cp "$f" "$mu/"
			printf '%s\n' "${f##*/}" >>"$manifest"
			say "must-use plugin added: ${f##*/}"
		done
	done
}

place_code() {
	place_core
	place_woocommerce
	place_theme
	place_mu_plugins
}

# ---------------------------------------------------------------------------------------------------------
# Step: MariaDB (socket only, in the site directory)

db_query() { "$MARIADB_CLIENT" --no-defaults --socket="$DB_SOCKET" -u"$(db_admin_user)" "$@"; }
db_ping() { "$MARIADB_ADMIN" --no-defaults --socket="$DB_SOCKET" -u"$(db_admin_user)" ping >/dev/null 2>&1; }

start_mariadb() {
	local mariadbd pid user_opts=()
	mariadbd=$(readlink -f "$(find_bin mariadbd)")
	MARIADB_CLIENT=$(find_bin mariadb)
	MARIADB_ADMIN=$(find_bin mariadb-admin)
	if pid=$(live_pid mariadb); then
		db_ping || die "MariaDB (pid $pid) runs but does not answer on $DB_SOCKET"
	else
		if ((EUID == 0)); then
			# mariadbd refuses root unless told so explicitly; root only when "mysql" can't reach the site dir.
			user_opts=(--user="$DB_OS_USER")
			chown -R "$DB_OS_USER:" "$DB_DIR" "$DB_SOCKET_DIR"
		fi
		if [[ ! -d $DB_DIR/mysql ]]; then
			local auth_user=()
			((EUID == 0)) || auth_user=(--auth-root-socket-user="$(id -un)")
			"$(find_bin mariadb-install-db)" --no-defaults --datadir="$DB_DIR" "${user_opts[@]}" \
				--auth-root-authentication-method=socket "${auth_user[@]}" --skip-test-db \
				>"$LOG_DIR/mariadb-install.log" 2>&1 || {
				show_tail "$LOG_DIR/mariadb-install.log"
				die "mariadb-install-db failed (see $LOG_DIR/mariadb-install.log)"
			}
		fi
		rm -f "$DB_SOCKET" "$DB_SOCKET.lock"
		# --no-defaults keeps the system my.cnf out; --skip-networking: socket only, no port at all.
		pid=$(launch "$LOG_DIR/mariadb.out" "$mariadbd" --no-defaults "${user_opts[@]}" --datadir="$DB_DIR" \
			--socket="$DB_SOCKET" --pid-file="$DB_SOCKET_DIR/mysqld.pid" --log-error="$LOG_DIR/mariadb.err" \
			--skip-networking --skip-name-resolve --innodb-buffer-pool-size=256M \
			--innodb-flush-log-at-trx-commit=2 --max-connections=100 \
			--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci)
		record_pid mariadb "$pid" "$mariadbd"
		wait_for 300 "$pid" db_ping || {
			show_tail "$LOG_DIR/mariadb.err"
			die "MariaDB did not come up (see $LOG_DIR/mariadb.err)"
		}
	fi
	db_query -e "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		CREATE USER IF NOT EXISTS 'wp'@'localhost' IDENTIFIED BY 'wp';
		CREATE USER IF NOT EXISTS 'wp'@'127.0.0.1' IDENTIFIED BY 'wp';
		GRANT ALL PRIVILEGES ON wordpress.* TO 'wp'@'localhost';
		GRANT ALL PRIVILEGES ON wordpress.* TO 'wp'@'127.0.0.1';" ||
		die "could not create the database and its user"
}

# ---------------------------------------------------------------------------------------------------------
# PHP setup scripts: each in its own process (WooCommerce must be activated, then configured, then the
# plugin activated, each on a cleanly booted WordPress). WordPress can end a process with status 0 on a
# fatal path (wp_die), so success also needs the script's PVP-STORE-OK marker.

run_php() {
	local script=$1 out=$RUN_DIR/php-step.out
	local rc=0
	php -d memory_limit=512M -d display_errors=stderr "$SCRIPT_DIR/php/$script" >"$out" 2>&1 || rc=$?
	{
		printf '== %s %s (exit %s)\n' "$(date -u +%FT%TZ)" "$script" "$rc"
		cat "$out"
	} >>"$LOG_DIR/setup.log"
	if ((rc != 0)) || ! grep -qx 'PVP-STORE-OK' "$out"; then
		show_tail "$out" 30
		die "$script failed (exit $rc; see $LOG_DIR/setup.log and $DEBUG_LOG)"
	fi
	grep -vx 'PVP-STORE-OK' "$out" | grep -v '^[[:space:]]*$' | sed 's/^/    /' || true
}

write_wp_config() { run_php write-config.php >/dev/null; }

# ---------------------------------------------------------------------------------------------------------
# Step: web server (php-fpm + nginx, loopback only)

start_php_fpm() {
	local fpm conf=$RUN_DIR/php-fpm.conf user_lines='' text changed=0 pid root_opt=()
	fpm=$(readlink -f "$(find_bin php-fpm8.2)")
	if ((EUID == 0)); then
		# The pool runs as root, which php-fpm allows only with -R. Test machines only: it keeps the store
		# working wherever the site directory is, even under a private home directory.
		user_lines=$'user = root\ngroup = root\nlisten.owner = '"$NGINX_USER"$'\nlisten.group = '"$(id -gn "$NGINX_USER")"
		root_opt=(-R)
	fi
	text=$(render php-fpm.conf.in "RUN_DIR=$RUN_DIR" "LOG_DIR=$LOG_DIR" "FPM_USER_LINES=$user_lines")
	write_if_changed "$conf" "$text" && changed=1
	if pid=$(live_pid php-fpm); then
		((changed)) || return 0
		say "php-fpm config changed: restarting"
		stop_process php-fpm
	fi
	"$fpm" -t -y "$conf" "${root_opt[@]}" >"$LOG_DIR/php-fpm-test.log" 2>&1 || {
		show_tail "$LOG_DIR/php-fpm-test.log"
		die "php-fpm rejects $conf"
	}
	rm -f "$FPM_SOCKET"
	pid=$(launch "$LOG_DIR/php-fpm.out" "$fpm" --nodaemonize -y "$conf" "${root_opt[@]}")
	record_pid php-fpm "$pid" "$fpm"
	wait_for 100 "$pid" test -S "$FPM_SOCKET" || {
		show_tail "$LOG_DIR/php-fpm.log"
		die "php-fpm did not come up (see $LOG_DIR/php-fpm.log)"
	}
}

static_file_answers() {
	[[ $(curl -s --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 2 "$SITE_URL/wp-includes/images/blank.gif") == 200 ]]
}

start_nginx() {
	local nginx conf=$RUN_DIR/nginx.conf user_line text changed=0 pid
	nginx=$(readlink -f "$(find_bin nginx)")
	if ((EUID == 0)); then user_line="user $NGINX_USER;"; else user_line='# not root: workers run as the current user'; fi
	text=$(render nginx.conf.in "NGINX_USER_LINE=$user_line" "RUN_DIR=$RUN_DIR" "LOG_DIR=$LOG_DIR" \
		"PORT=$PORT" "DOCROOT=$DOCROOT")
	write_if_changed "$conf" "$text" && changed=1
	if pid=$(live_pid nginx); then
		((changed)) || return 0
		say "nginx config changed: restarting"
		stop_process nginx
	fi
	port_in_use "$PORT" && die "port $PORT on 127.0.0.1 is in use by another program (set PVP_STORE_PORT)"
	# -e: the startup error log too is ours (the default /var/log/nginx may not be writable).
	"$nginx" -t -q -c "$conf" -p "$RUN_DIR/nginx" -e "$LOG_DIR/nginx-error.log" >"$LOG_DIR/nginx-test.log" 2>&1 || {
		show_tail "$LOG_DIR/nginx-test.log"
		die "nginx rejects $conf"
	}
	pid=$(launch "$LOG_DIR/nginx.out" "$nginx" -c "$conf" -p "$RUN_DIR/nginx" -e "$LOG_DIR/nginx-error.log")
	record_pid nginx "$pid" "$nginx"
	wait_for 100 "$pid" static_file_answers || {
		show_tail "$LOG_DIR/nginx-error.log"
		die "nginx did not serve $SITE_URL (see $LOG_DIR/nginx-error.log)"
	}
}

start_web() {
	start_php_fpm
	start_nginx
}

# ---------------------------------------------------------------------------------------------------------
# Step: the plugin under test, laid out as the release zip: plugin/* plus build/ as pay-via-proxyapi/build/

PLUGIN_STATE=skipped

deploy_plugin_files() {
	local src=$REPO_ROOT/plugin tmp=$RUN_DIR/plugin.new
	PLUGIN_STATE=skipped
	if [[ ! -f $src/$PLUGIN_SLUG.php ]]; then
		warn "plugin/$PLUGIN_SLUG.php not found: the plugin is not deployed"
		return 0
	fi
	rm -rf "$tmp"
	cp -R "$src" "$tmp"
	rm -rf "$tmp/build"
	if [[ -d $REPO_ROOT/build ]]; then
		cp -R "$REPO_ROOT/build" "$tmp/build"
	else
		warn "build/ not found: the plugin is deployed without its checkout-block build (run npm run build)"
	fi
	replace_dir "$tmp" "$DOCROOT/wp-content/plugins/$PLUGIN_SLUG"
	rm -rf "$tmp"
	PLUGIN_STATE=deployed
}

activate_plugin() {
	[[ $PLUGIN_STATE == deployed ]] || return 0
	run_php activate-plugin.php
	PLUGIN_STATE=active
}

configure_plugin() {
	[[ $PLUGIN_STATE == active ]] || return 0
	run_php configure-plugin.php
}

# ---------------------------------------------------------------------------------------------------------
# Step: the ProxyAPI simulator (tools/simulator/main.ts)

SIM_STATE=skipped

sim_healthy() {
	[[ $(curl -s --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 2 "$SIM_URL/__sim/health") == 200 ]]
}

start_simulator() {
	local node pid main=$REPO_ROOT/tools/simulator/main.ts port_file=$RUN_DIR/simulator.port
	SIM_STATE=skipped
	if [[ ! -f $main ]]; then
		warn "tools/simulator/main.ts not found: the simulator is not started"
		return 0
	fi
	if ! node=$(command -v node) || [[ ! -d $REPO_ROOT/node_modules/tsx ]]; then
		warn "node or node_modules/tsx missing (run npm install): the simulator is not started"
		return 0
	fi
	node=$(readlink -f "$node")
	if pid=$(live_pid simulator); then
		if [[ -f $port_file && $(<"$port_file") == "$SIM_PORT" ]] && sim_healthy; then
			SIM_STATE=running
			return 0
		fi
		stop_process simulator
	fi
	port_in_use "$SIM_PORT" && die "port $SIM_PORT on 127.0.0.1 is in use by another program (set PVP_SIM_PORT)"
	# "node --import tsx" is what node_modules/.bin/tsx does, minus the tsx wrapper process: one process,
	# so the recorded PID is the simulator itself.
	pid=$(cd "$REPO_ROOT" && PVP_SIM_PORT=$SIM_PORT launch "$LOG_DIR/simulator.log" "$node" --import tsx tools/simulator/main.ts)
	record_pid simulator "$pid" "$node"
	printf '%s\n' "$SIM_PORT" >"$port_file"
	wait_for 300 "$pid" sim_healthy || {
		show_tail "$LOG_DIR/simulator.log"
		die "the simulator did not answer $SIM_URL/__sim/health (see $LOG_DIR/simulator.log)"
	}
	SIM_STATE=running
}

# ---------------------------------------------------------------------------------------------------------
# Step: check over HTTP

http_status() { curl -s --noproxy '*' -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 60 "$SITE_URL$1"; }

check_http() {
	local got
	got=$(http_status /) || true
	[[ ${got%% *} == 200 ]] || die "GET / answered '$got', expected 200 (see $DEBUG_LOG)"
	got=$(http_status /checkout/) || true
	[[ ${got%% *} == 302 && ${got#* } == */cart/* ]] ||
		die "GET /checkout/ with an empty cart answered '$got', expected 302 to the cart"
	got=$(http_status /wp-json/wc/store/v1/cart) || true
	[[ ${got%% *} == 200 ]] || die "GET /wp-json/wc/store/v1/cart answered '$got', expected 200"
}

# ---------------------------------------------------------------------------------------------------------
# Step: status.json

write_status() {
	local nginx_version
	nginx_version=$("$(find_bin nginx)" -v 2>&1 | sed -n 's|.*nginx/\([^ ]*\).*|\1|p')
	PVP_SIM_STATE=$SIM_STATE PVP_TIMINGS_JSON=$(timings_json) \
		PVP_VERSIONS_JSON="{\"nginx\": \"$nginx_version\"}" run_php write-status.php >/dev/null
	printf 'site_url=%s\nsim_url=%s\n' "$SITE_URL" "$SIM_URL" >"$RUN_DIR/urls"
}

# ---------------------------------------------------------------------------------------------------------
# Commands

lock() {
	mkdir -p "$STORE_DIR"
	exec 9>"$STORE_DIR/.lock"
	if ! flock -n 9; then
		say "another store.sh is working on $STORE_DIR; waiting"
		flock -w 900 9 || die "timed out waiting for the other store.sh"
	fi
}

wipe_store_dir() {
	if any_running; then
		die "PVP_STORE_FRESH=1: the store in $STORE_DIR is running; stop it first (bash tools/store/store.sh stop)"
	fi
	[[ -n $(find "$STORE_DIR" -mindepth 1 -maxdepth 1 ! -name .lock -print -quit) ]] && say "wiping $STORE_DIR"
	find "$STORE_DIR" -mindepth 1 -maxdepth 1 ! -name .lock -exec rm -rf {} +
}

cmd_start() {
	START_MICROS=$(micros)
	setup_paths
	lock
	if [[ ${PVP_STORE_FRESH:-} == 1 ]]; then run_step "wipe (fresh)" wipe_store_dir; fi
	make_dirs
	export_php_env
	run_step "packages" ensure_packages
	run_step "node deps + build" ensure_node_deps
	run_step "sources" resolve_sources
	decide_service_users
	run_step "code in place" place_code
	run_step "mariadb" start_mariadb
	run_step "wp-config" write_wp_config
	run_step "web server" start_web
	run_step "wordpress install" run_php install-wordpress.php
	run_step "woocommerce activate" run_php activate-woocommerce.php
	run_step "store configure" run_php configure-store.php
	run_step "plugin deploy" deploy_plugin_files
	run_step "plugin activate" activate_plugin
	run_step "plugin settings" configure_plugin
	run_step "simulator" start_simulator
	run_step "http checks" check_http
	run_step "status.json" write_status
	print_timings
	say "ready: shop $SITE_URL/shop/"
	say "       admin $SITE_URL/wp-admin/ (admin / password; customer / password)"
	say "       simulator $SIM_URL ($SIM_STATE)"
	say "       phone $SIM_URL/phone (answer M-Pesa prompts by hand: pay with 0700 008 888)"
	say "       plugin $PLUGIN_STATE; status $STATUS_FILE"
}

cmd_stop() {
	setup_paths
	if [[ ! -d $STORE_DIR ]]; then
		say "not running (no $STORE_DIR)"
		return 0
	fi
	lock
	local name
	for name in "${PROCESSES[@]}"; do
		stop_process "$name"
	done
	say "stopped"
}

cmd_status() {
	local site sim name pid core=0
	setup_paths
	site=$SITE_URL sim=$SIM_URL
	if [[ -f $RUN_DIR/urls ]]; then
		site=$(sed -n 's/^site_url=//p' "$RUN_DIR/urls")
		sim=$(sed -n 's/^sim_url=//p' "$RUN_DIR/urls")
	fi
	for name in mariadb php-fpm nginx simulator; do
		if pid=$(live_pid "$name"); then
			printf '  %-10s running (pid %s)\n' "$name" "$pid"
			[[ $name == simulator ]] || core=$((core + 1))
		else
			printf '  %-10s stopped\n' "$name"
		fi
	done
	printf '  %-10s %s/shop/\n  %-10s %s/wp-admin/ (admin / password)\n  %-10s %s\n  %-10s %s\n' \
		shop "$site" admin "$site" simulator "$sim" status "$STATUS_FILE"
	((core == 3))
}

cmd_deploy() {
	START_MICROS=$(micros)
	setup_paths
	lock
	export_php_env
	if ! live_pid mariadb >/dev/null || [[ ! -f $DOCROOT/wp-config.php ]]; then
		die "the store is not running; run: bash tools/store/store.sh start"
	fi
	live_pid simulator >/dev/null && SIM_STATE=running
	run_step "plugin deploy" deploy_plugin_files
	run_step "plugin activate" activate_plugin
	run_step "plugin settings" configure_plugin
	run_step "status.json" write_status
	say "plugin $PLUGIN_STATE"
}

cmd_reset() {
	(cmd_stop)
	PVP_STORE_FRESH=1 cmd_start
}

main() {
	(($# == 1)) || usage
	case $1 in
	start) cmd_start ;;
	stop) cmd_stop ;;
	status) cmd_status ;;
	deploy) cmd_deploy ;;
	reset) cmd_reset ;;
	*) usage ;;
	esac
}

main "$@"
