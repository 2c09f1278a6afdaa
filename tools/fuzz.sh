#!/bin/sh
# Fuzzes the core with libFuzzer: installs clang-14 if missing, builds every harness
# tests/fuzz/fuzz_NAME.c in BUILD_DIR (default: build-fuzz) with clang-14 and
# -fsanitize=fuzzer,address,undefined, and runs them side by side for SECONDS each
# (default 60). Each harness works on a copy of tests/fuzz/corpus/NAME (plus
# tests/fuzz/regressions/NAME) kept in BUILD_DIR/fuzz/corpus/NAME, so that new inputs
# pile up there across runs and never in the source tree. Crash inputs land in
# BUILD_DIR/fuzz/artifacts/NAME/ and the full output in BUILD_DIR/fuzz/logs/NAME.log.
# Exits non-zero, naming the harness, when any harness crashes, leaks, hits a
# sanitizer error, runs out of memory or takes longer than FUZZ_TIMEOUT seconds
# (default 10) on one input.
# Usage: tools/fuzz.sh [SECONDS]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
case $seconds in
'' | *[!0-9]*)
	echo "usage: $0 [SECONDS]" >&2
	exit 2
	;;
esac
timeout=${FUZZ_TIMEOUT:-10}
build=${BUILD_DIR:-$top/build-fuzz}

sh "$top/tools/deps.sh" clang-14 libclang-rt-14-dev

names=""
for source in "$top"/tests/fuzz/fuzz_*.c; do
	name=$(basename "$source" .c)
	names="$names ${name#fuzz_}"
done
[ -n "$names" ] || { echo "fuzz: no harnesses in tests/fuzz" >&2; exit 1; }

# The library and everything else get coverage and sanitizers; only the harnesses
# link libFuzzer itself (tests/CMakeLists.txt, DISPUTE_FUZZ).
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined"
flags="$flags -fno-sanitize-recover=all"
CC=clang-14 cmake -S "$top" -B "$build" -DDISPUTE_FUZZ=ON -DCMAKE_BUILD_TYPE= \
	-DCMAKE_C_FLAGS="$flags" >/dev/null
targets=""
for name in $names; do
	targets="$targets fuzz_$name"
done
# shellcheck disable=SC2086 # one word per target
cmake --build "$build" -j "$(nproc)" --target $targets >/dev/null

work=$build/fuzz
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
pids=""
for name in $names; do
	corpus=$work/corpus/$name
	mkdir -p "$corpus" "$work/artifacts/$name" "$work/logs"
	cp -R "$top/tests/fuzz/corpus/$name/." "$corpus/"
	if [ -d "$top/tests/fuzz/regressions/$name" ]; then
		cp -R "$top/tests/fuzz/regressions/$name/." "$corpus/"
	fi
	set -- -max_total_time="$seconds" -rss_limit_mb=2048 -timeout="$timeout" \
		-print_final_stats=1 -artifact_prefix="$work/artifacts/$name/"
	if [ -f "$top/tests/fuzz/$name.dict" ]; then
		set -- "$@" -dict="$top/tests/fuzz/$name.dict"
	fi
	echo "fuzz: running fuzz_$name for ${seconds}s" >&2
	"$build/tests/fuzz_$name" "$@" "$corpus" >"$work/logs/$name.log" 2>&1 &
	pids="$pids $name:$!"
done

failed=""
for entry in $pids; do
	name=${entry%%:*}
	status=0
	wait "${entry#*:}" || status=$?
	log=$work/logs/$name.log
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	if [ "$status" -eq 0 ]; then
		echo "fuzz: fuzz_$name: ok, ${runs:-?} runs, ${speed:-?} exec/s" >&2
	else
		failed="$failed fuzz_$name"
		echo "fuzz: fuzz_$name: FAILED (exit $status) after ${runs:-?} runs; log: $log" >&2
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written|ALARM|==[0-9]+== ERROR)' \
			"$log" | head -n 8 >&2 || true
	fi
done
if [ -n "$failed" ]; then
	echo "fuzz: crashed:$failed (inputs in $work/artifacts/)" >&2
	exit 1
fi
