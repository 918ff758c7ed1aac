#!/bin/sh
# tests/layers.sh - checks the layering of src/ declared in src/LAYERS against
# the #include lines: every file belongs to exactly one layer, no file
# includes a header of a layer above its own or another layer's private
# header, the graph of layers is free of circles, and (from the symbols of the
# objects in OBJ_DIR, default build/src, when built) so is the graph of which
# file calls which. Prints each problem on
# one line and exits 1 when there is any; prints nothing when all is well.
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# file -> "rank layer private" for every file the globs of src/LAYERS name
rank=0
grep -v '^#' src/LAYERS | while read -r layer globs; do
    [ -n "$layer" ] || continue
    rank=$((rank + 1))
    for g in $globs; do
        private=0
        case $g in !*) private=1; g=${g#!} ;; esac
        for f in $g; do
            [ -f "$f" ] && echo "$f $rank $layer $private"
        done
    done
done >"$tmp/map"

problems=0
fail() { echo "layers: $*"; problems=$((problems + 1)); }

for f in $(find src -name '*.[ch]' | sort); do
    n=$(grep -c "^$f " "$tmp/map")
    [ "$n" -eq 1 ] || fail "$f belongs to $n layers in src/LAYERS (must be 1)"
done

for f in $(cut -d' ' -f1 "$tmp/map"); do
    set -- $(grep "^$f " "$tmp/map")
    frank=$2 flayer=$3
    for inc in $(sed -n 's/^#include "\(.*\)".*/\1/p' "$f"); do
        case $inc in jobmatch.h) continue ;; esac
        h=
        for cand in "$(dirname "$f")/$inc" "src/$inc"; do
            [ -f "$cand" ] && { h=$cand; break; }
        done
        [ -n "$h" ] || { fail "$f includes \"$inc\", which is not in src/"; continue; }
        set -- $(grep "^$h " "$tmp/map")
        [ $# -eq 4 ] || continue  # reported above
        if [ "$2" -gt "$frank" ]; then
            fail "$f ($flayer) includes $h of the $3 layer above it"
        elif [ "$4" = 1 ] && [ "$3" != "$flayer" ]; then
            fail "$f ($flayer) includes $h, private to the $3 layer"
        fi
        [ "$3" != "$flayer" ] && echo "$flayer $3" >>"$tmp/edges"
    done
done

# A circle between layers, whatever their declared order says.
if [ -s "$tmp/edges" ] && ! sort -u "$tmp/edges" | tsort >/dev/null 2>"$tmp/tsort"; then
    fail "the layers form a circle: $(tr '\n' ' ' <"$tmp/tsort")"
fi

# Within a layer too, calls go one way: no two files of the library call each other,
# directly or through others. Read from the symbols of the built objects, when there.
objs=$(find "${OBJ_DIR:-build/src}" -name '*.o' 2>/dev/null | sort)
if [ -n "$objs" ]; then
    nm -A --defined-only -g $objs | awk '$2 == "T" { sub(/:.*/, "", $1); print $3, $1 }' \
        | sort >"$tmp/defs"
    nm -A --undefined-only $objs | awk '{ sub(/:.*/, "", $1); print $NF, $1 }' | sort >"$tmp/uses"
    join "$tmp/uses" "$tmp/defs" | awk '$2 != $3 { print $2, $3 }' | sort -u >"$tmp/calls"
    if ! tsort "$tmp/calls" >/dev/null 2>"$tmp/tsort"; then
        fail "source files call each other in a circle: $(grep -v 'input contains a loop' \
            "$tmp/tsort" | sed 's/^tsort: //' | tr '\n' ' ')"
    fi
fi
[ "$problems" -eq 0 ]
