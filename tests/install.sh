#!/bin/sh
# tests/install.sh - proves `make install`: run by `make check` from the
# project root, after the build. Each check prints "ok: install/NAME" or
# "FAIL: install/NAME ...", and the last line is "N passed, N failed".
#
#   - make install PREFIX=$tmp/prefix, and a DESTDIR staging with PREFIX=/usr,
#     install the same files (relative paths);
#   - installing did not rebuild ./jobmatch or ./libjobmatch.a;
#   - the installed jobmatch, run from another directory on copies of the
#     samples, prints byte for byte what ./jobmatch prints (and exits the
#     same): match, lint, tailor, keywords, batch, dict check; the dictionary
#     paths in dict check's messages are the only difference allowed;
#   - it reads the installed dictionaries, also after its prefix is moved;
#   - a program builds against the installed library with pkg-config;
#   - make uninstall removes every file installed.
#
#   MAKE  the make to run (default make)
LC_ALL=C
export LC_ALL
unset NO_COLOR JOBMATCH_DATA_DIR JOBMATCH_DICT_PATH JOBMATCH_NO_CACHE
JOBMATCH_TODAY=2026-01
export JOBMATCH_TODAY
MAKE=${MAKE:-make}
root=$(pwd)
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Compiled dictionaries go to the temporary directory, not the user's cache.
XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME

pass() {
    passed=$((passed + 1))
    echo "ok: install/$1"
}
fail() {
    failed=$((failed + 1))
    echo "FAIL: install/$*"
}
# The file list of a tree, relative, sorted (directories left out).
files() {
    (cd "$1" && find . ! -type d | sort)
}
stamp() {
    for f in jobmatch libjobmatch.a; do
        printf '%s %s\n' "$(cksum <"$root/$f")" "$(stat -c %Y "$root/$f")"
    done
}

# Build first (a no-op after make test), so that install has nothing to do.
$MAKE --no-print-directory all >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail build; }
before=$(stamp)
prefix=$tmp/prefix
if $MAKE --no-print-directory install PREFIX="$prefix" >"$tmp/install.log" 2>&1 &&
    $MAKE --no-print-directory install DESTDIR="$tmp/stage" PREFIX=/usr >>"$tmp/install.log" 2>&1
then
    pass make-install
else
    cat "$tmp/install.log"
    fail make-install
fi
if [ "$(stamp)" = "$before" ]; then
    pass no-rebuild
else
    fail "no-rebuild: ./jobmatch or ./libjobmatch.a changed while installing"
    grep -E '^(cc|ar) ' "$tmp/install.log"
fi

files "$prefix" >"$tmp/prefix.files"
files "$tmp/stage/usr" >"$tmp/stage.files"
if [ -s "$tmp/prefix.files" ] && cmp -s "$tmp/prefix.files" "$tmp/stage.files"; then
    pass destdir-same-files
else
    fail "destdir-same-files: PREFIX=\$tmp/prefix and DESTDIR=\$tmp/stage PREFIX=/usr differ"
    diff "$tmp/prefix.files" "$tmp/stage.files" | head -n 20
fi
for f in bin/jobmatch lib/libjobmatch.a include/jobmatch.h lib/pkgconfig/jobmatch.pc \
    share/man/man1/jobmatch.1 share/jobmatch/dictionaries/phrasing.rules \
    share/jobmatch/dictionaries/requirements.rules share/jobmatch/dictionaries/languages.dict \
    share/bash-completion/completions/jobmatch share/zsh/site-functions/_jobmatch \
    share/fish/vendor_completions.d/jobmatch.fish; do
    [ -f "$prefix/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ]; then pass layout; else fail "layout: not installed:$missing"; fi

# The same commands, from the same directory, with the same relative paths.
work=$tmp/work
mkdir -p "$work/postings"
cp "$root"/samples/resume.md "$root"/tests/dicts/resume-v2.md "$work/"
cp "$root"/samples/posting-* "$work/postings/"
# compare NAME ARGS...: the tree's and the installed binary's stdout, stderr and status.
compare() {
    name=$1
    shift
    for which in tree installed; do
        if [ $which = tree ]; then bin=$root/jobmatch dicts=$root/dictionaries; else
            bin=$prefix/bin/jobmatch dicts=$prefix/share/jobmatch/dictionaries; fi
        (cd "$work" && "$bin" "$@" >"$tmp/$which.out" 2>"$tmp/$which.err"
         echo $? >"$tmp/$which.rc")
        # dict check names the dictionary files by their path
        sed -i "s|$dicts/|DICTIONARIES/|g" "$tmp/$which.out" "$tmp/$which.err"
    done
    ok=1
    for f in out err rc; do
        if ! cmp -s "$tmp/tree.$f" "$tmp/installed.$f"; then
            [ $ok = 0 ] || fail "$name: the installed jobmatch $*: $f differs"
            ok=0
            diff -u "$tmp/tree.$f" "$tmp/installed.$f" | head -n 10 | cut -c 1-300
        fi
    done
    if [ $ok = 1 ] && [ -s "$tmp/tree.out" ]; then
        pass "$name"
    elif [ $ok = 1 ]; then
        fail "$name: no output from jobmatch $*"
        head -n 3 "$tmp/tree.err"
    fi
}
compare match resume.md postings/posting-greenhouse.html
compare match-json --format json resume.md postings/posting-jsonld.html
compare lint lint resume.md
compare tailor tailor resume.md postings/posting-plain.txt
compare tailor-before-md tailor --format md --before resume.md resume-v2.md postings/posting-remote.md
compare keywords keywords postings/posting-legacy-cp1252.html
compare batch batch -q --format table resume.md postings
compare batch-jsonl batch -q --ordered --format jsonl resume.md postings
compare dict-check dict check
compare dict-list dict list

# It reads the installed dictionaries, not the tree's, also once moved.
where() {
    (cd "$work" && "$1" dict show Kubernetes) | sed -n 's/^ *defined at *//p'
}
case $(where "$prefix/bin/jobmatch") in
"$prefix/share/jobmatch/dictionaries/"*) pass reads-installed-dictionaries ;;
*) fail "reads-installed-dictionaries: Kubernetes is defined at '$(where "$prefix/bin/jobmatch")'" ;;
esac
mv "$prefix" "$tmp/moved"
case $(where "$tmp/moved/bin/jobmatch") in
"$tmp/moved/share/jobmatch/dictionaries/"*) pass relocatable ;;
*) fail "relocatable: after moving the prefix, Kubernetes is defined at '$(where "$tmp/moved/bin/jobmatch")'" ;;
esac
mv "$tmp/moved" "$prefix"

# A program builds against the installed library and header with pkg-config.
cat >"$tmp/prog.c" <<'EOF'
#include <stdio.h>
#include <jobmatch.h>
int main(void) { return puts(jm_version()) < 0; }
EOF
if PKG_CONFIG_PATH=$prefix/lib/pkgconfig &&
    export PKG_CONFIG_PATH &&
    ${CC:-cc} -o "$tmp/prog" "$tmp/prog.c" $(pkg-config --cflags --libs --static jobmatch) \
        >"$tmp/cc.log" 2>&1 && [ "$("$tmp/prog")" = "$("$root/jobmatch" --version | cut -d' ' -f2)" ]
then
    pass pkg-config
else
    cat "$tmp/cc.log"
    fail "pkg-config: a program does not build against the installed library"
fi

if $MAKE --no-print-directory uninstall PREFIX="$prefix" >"$tmp/uninstall.log" 2>&1 &&
    $MAKE --no-print-directory uninstall DESTDIR="$tmp/stage" PREFIX=/usr \
        >>"$tmp/uninstall.log" 2>&1 &&
    [ -z "$(files "$prefix")" ] && [ -z "$(files "$tmp/stage")" ]
then
    pass uninstall
else
    cat "$tmp/uninstall.log"
    fail "uninstall: left behind: $(files "$prefix" | tr '\n' ' ')$(files "$tmp/stage" | tr '\n' ' ')"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
