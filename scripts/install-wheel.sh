#!/bin/sh
# Install renkei-bot from a built wheel into a fresh virtual environment (not editable), then check from
# another directory that the installed bot carries its data and answers. The Dockerfile runs this, and
# tests/test_package.py runs it against a fresh venv, so the container's install steps are tested here.
#
# usage: scripts/install-wheel.sh WHEEL VENV     (PYTHON picks the interpreter; default python3)
set -eu
if [ "$#" -ne 2 ]; then
    echo "usage: $0 WHEEL VENV" >&2
    exit 2
fi
wheel=$1
venv=$2
"${PYTHON:-python3}" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "$wheel"

# From / and with the loader cache off: nothing may come from a source tree or a cache.
answer=$(cd / && RENKEI_CACHE_DIR=off "$venv/bin/renkei-bot" ask --today 2026-11-28 '北海道町村会との協定はいつ？')
case "$answer" in
*"2016年（平成28年）4月26日"*) ;;
*)
    echo "install-wheel: the installed bot did not answer 2016年4月26日; it said: $answer" >&2
    exit 1
    ;;
esac
"$venv/bin/renkei-bot" --version
