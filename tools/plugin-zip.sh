#!/usr/bin/env bash
# Builds dist/pay-via-proxyapi.zip: the plugin directory plus the built assets, laid out as WordPress
# installs it (pay-via-proxyapi/pay-via-proxyapi.php, pay-via-proxyapi/build/...). Run `npm run build` first
# (`npm run plugin-zip` does both).
set -euo pipefail
cd "$(dirname "$0")/.."

slug=pay-via-proxyapi
if [ ! -f build/checkout-block.js ]; then
	echo "build/ is missing: run npm run build first." >&2
	exit 1
fi
# The translation template and compiled translations (plugin/languages/, git-ignored) come from npm run i18n.
if [ ! -f plugin/languages/$slug.pot ]; then
	echo "plugin/languages/$slug.pot is missing: run npm run build (it runs npm run i18n) first." >&2
	exit 1
fi
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/$slug" dist
cp -R plugin/. "$staging/$slug/"
rm -rf "$staging/$slug/build"
cp -R build "$staging/$slug/build"
rm -f "dist/$slug.zip"
(cd "$staging" && zip -qr -X "$OLDPWD/dist/$slug.zip" "$slug")
echo "dist/$slug.zip: $(unzip -l "dist/$slug.zip" | tail -1 | awk '{print $2}') files"
