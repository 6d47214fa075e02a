#!/usr/bin/env bash
# The tests run against real programs, not mocks: a Prometheus server (scraping /metrics, promtool for the alert
# rules), a headless Chromium (the HTML report) and openssl (certificates for the TLS tests). They come from Debian's packages; this installs whichever is
# missing, so `npm test` works on a fresh machine. Nothing is installed when all are present.
set -euo pipefail

needed=()
command -v prometheus >/dev/null 2>&1 || needed+=(prometheus)
command -v promtool >/dev/null 2>&1 || needed+=(prometheus)
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v openssl >/dev/null 2>&1 || needed+=(openssl)
[ ${#needed[@]} -eq 0 ] && exit 0

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "install-test-deps: installing ${needed[*]} from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends $(printf '%s\n' "${needed[@]}" | sort -u) >/dev/null
