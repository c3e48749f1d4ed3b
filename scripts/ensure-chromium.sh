#!/usr/bin/env bash
# The browser tests drive Debian's Chromium with Playwright (Playwright's own browser
# download is not used). Install it when it is missing and we may (root with apt-get);
# otherwise say how, and let the tests skip (or fail, with ARCHPLAN_REQUIRE_BROWSER=1).
set -euo pipefail
have_browser() { command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; }
# Japanese body text in the screenshots needs a Japanese system font (charts carry their own).
have_ja_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=ja 2>/dev/null | head -n 1)" ]; }
if have_browser && have_ja_font; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium and a Japanese font for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-ipafont-gothic >/dev/null
  exit 0
fi
if have_browser; then
  exit 0
fi
echo "note: chromium is not installed; the browser tests will be skipped."
echo "      Install it with: sudo apt-get install chromium"
