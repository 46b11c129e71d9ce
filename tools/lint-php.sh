#!/usr/bin/env bash
# PHP lint: syntax of every PHP file we own, plus the project rules a syntax check cannot see.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
mapfile -t files < <(git ls-files -co --exclude-standard -- 'plugin/*.php' 'tests/*.php' 'tools/*.php')
for file in "${files[@]}"; do
	[ -f "$file" ] || continue
	if ! out=$(php -l "$file" 2>&1); then
		echo "$out"
		status=1
	fi
done
echo "php -l: ${#files[@]} files checked"

# Order meta keys have one owner (plugin/src/Order/OrderMeta.php): a literal key anywhere else leaks the policy.
if hits=$(grep -rnE "(get|update|delete|add)_meta(_data)?\(\s*'" plugin/src --include='*.php' | grep -v '^plugin/src/Order/OrderMeta.php:'); then
	echo "Order meta keys must be read and written through OrderMeta only:"
	echo "$hits"
	status=1
fi
# No post-meta functions: they bypass HPOS.
if hits=$(grep -rnE "\b(get|update|add|delete)_post_meta\(" plugin/src --include='*.php'); then
	echo "Use WooCommerce order CRUD, not post meta (HPOS):"
	echo "$hits"
	status=1
fi

# Static analysis (PHPStan with WordPress and WooCommerce stubs; dev-only Composer tools).
if [ ! -x vendor/bin/phpstan ] && command -v composer >/dev/null 2>&1; then
	composer install --no-interaction --no-progress --quiet || true
fi
if [ -x vendor/bin/phpstan ]; then
	vendor/bin/phpstan analyse --no-progress --memory-limit=1G --error-format=table || status=1
else
	echo "WARNING: PHPStan could not be installed (composer install failed); static analysis was skipped."
fi
exit "$status"
