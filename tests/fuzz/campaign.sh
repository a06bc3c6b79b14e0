#!/bin/sh
# A long fuzz campaign against the latest commit of main, one process at a time, niced.
#
#   tests/fuzz/campaign.sh [OUT] [REPO]     (REPO: this repository unless given)
#   touch OUT/stop                          (ends it after the chunk it is in)
#
# Chunks of 100 cases, seeds 1000, 1001, ... (two mutation chunks, then one structure chunk); before each
# chunk it takes a snapshot of REPO's HEAD (git archive: never the working tree, never a checkout) and runs
# against it with PYTHONPATH. Crashers go to OUT/crashers-<commit>/, one JSON line of counts per chunk to
# OUT/stats.jsonl (summed by `python tests/fuzz/run.py --stats OUT/stats.jsonl`), the log to OUT/log.txt.
set -u
OUT=${1:-/tmp/fuzz-campaign}
REPO=${2:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)}
PY=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT/work"
k=${FIRST_CHUNK:-0}
while [ ! -e "$OUT/stop" ]; do
    C=$(git -C "$REPO" rev-parse --short HEAD)
    SNAP="$OUT/main-$C"
    if [ ! -d "$SNAP/src" ]; then
        mkdir -p "$SNAP" && git -C "$REPO" archive HEAD src | tar -x -C "$SNAP"
    fi
    MODE=""
    [ $((k % 3)) -eq 2 ] && MODE="--structure"
    echo "== chunk $k seed $((1000 + k)) $MODE main $C $(date -u +%FT%TZ)" >> "$OUT/log.txt"
    nice -n 10 "$PY" "$HERE/run.py" $MODE --seed $((1000 + k)) --count 100 --jobs 1 --src "$SNAP/src" \
        --out "$OUT/crashers-$C" --stats-file "$OUT/stats.jsonl" --scratch "$OUT/work" --verbose \
        >> "$OUT/log.txt" 2>&1
    k=$((k + 1))
done
