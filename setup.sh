#!/usr/bin/env bash
# Sets up a fresh Debian machine for the toolkit: the Debian packages in
# deps/debian.txt (text stack and fonts), then a virtual environment in .venv
# with the toolkit and its test tools. Safe to run again: it only installs
# what is missing.
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "setup: $*" >&2; exit 1; }

# Python 3.11 or later, with venv (Debian ships venv in a package of its own).
command -v python3 >/dev/null || fail "python3 is not installed: run 'sudo apt-get install python3 python3-venv'"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  fail "Python 3.11 or later is needed, this is $(python3 --version 2>&1): install a newer python3 (Debian 12 has 3.11)"

missing=()
while read -r pkg; do
  [[ -z $pkg || $pkg == \#* ]] && continue
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done < deps/debian.txt

if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  # Another installation (unattended upgrades on a new machine) may hold the package
  # lock: wait for it rather than fail.
  wait_lock=(-o DPkg::Lock::Timeout=600)
  $sudo apt-get "${wait_lock[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${wait_lock[@]}" install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

if [[ ! -x .venv/bin/python ]]; then
  python3 -c 'import ensurepip, venv' 2>/dev/null ||
    fail "Python's venv module is missing: run 'sudo apt-get install python3-venv'"
  python3 -m venv .venv
fi
stamp=.venv/.toolkit-installed
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
  echo "setup: installing Python packages into .venv" >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
  touch "$stamp"
fi
