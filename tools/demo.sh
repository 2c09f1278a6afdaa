#!/bin/sh
# Quick start 1: install what is missing, build, and run the demo case end to end
# (a power bank that would not switch on). Prints the dossier's path last.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
sh "$top/tools/deps.sh"
sh "$top/tools/build.sh"
DISPUTE=$top/build/dispute sh "$top/examples/power-bank.sh" "$top/out/examples/power-bank"
# The example ends with the court draft; the dossier's path comes last, for scripts.
ls "$top"/out/examples/power-bank/dispute-*[0-9].zip
