#!/usr/bin/env bash
# Installs what the browser tests and the diagrams need and no npm package can bring: Debian's
# Chromium (the tests drive it with playwright-core; a browser cannot be downloaded here), its headless shell
# (the same Blink without the desktop browser around it: the build draws diagrams with it in
# half the time) and CJK fonts, without which Chinese text is measured and drawn with the wrong
# metrics. Does nothing when all are present.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromium-headless-shell >/dev/null 2>&1 || need+=(chromium-headless-shell)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then
  echo "install-browser: chromium, chromium-headless-shell and fonts-noto-cjk are present"
  exit 0
fi
echo "install-browser: installing ${need[*]} with apt-get"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "install-browser: done ($(chromium --version 2>/dev/null || echo 'chromium not found'))"
