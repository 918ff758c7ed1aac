#!/bin/sh
# tests/completions.sh - the shell completions in completions/ against
# `$JOBMATCH --help`: every option and command of the help is completed by
# each of bash, zsh and fish, and no completion names an option the help does
# not list. Then each shell that is installed loads its file and completes.
# Prints one line per problem, then "checked"; run as the CLI test
# tests/cli/completions-match-help (whose expected output is "checked").
#
# The help is parsed loosely, so that it may be reformatted: options are the
# indented lines starting with "-x, --name" or "--name"; commands are the
# lines of the "Commands:" section indented less than their descriptions'
# continuations, a lower-case second word being a subcommand (dict check).
LC_ALL=C
export LC_ALL
JOBMATCH=${JOBMATCH:-./jobmatch}
dir=completions
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck disable=SC2086  # $JOBMATCH may be "valgrind ... jobmatch"
$JOBMATCH --help >"$tmp/help" || echo "jobmatch --help failed"

sed -n 's/^ \{1,\}\(-[A-Za-z], *\)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p' "$tmp/help" |
    sort -u >"$tmp/long"
sed -n 's/^ \{1,\}-\([A-Za-z]\)[, ].*/\1/p' "$tmp/help" | sort -u >"$tmp/short"
sed -n 's/^ \{1,\}-\([A-Za-z]\), *--\([a-z][a-z0-9-]*\).*/\1 \2/p' "$tmp/help" |
    sort -u >"$tmp/pairs"
awk '/^Commands:/ { s = 1; next }
     s && (/^$/ || /^[^ ]/) { s = 0 }
     s && /^ +[a-z]/ && !/^      / { print $1; if ($2 ~ /^[a-z]+$/) print $1 " " $2 }' \
    "$tmp/help" | sort -u >"$tmp/commands"
[ -s "$tmp/long" ] || echo "no options found in jobmatch --help"
[ -s "$tmp/commands" ] || echo "no commands found in jobmatch --help"

# The code of a completion file: no comment lines, no trailing comments.
code() {
    sed -e '/^[[:space:]]*#/d' -e 's/[[:space:]]#.*//' "$1"
}

# same NAME WHAT EXPECTED ACTUAL: one line per difference between two sorted lists.
same() {
    comm -23 "$3" "$4" | sed "s|^|$1: lacks $2 |"
    comm -13 "$3" "$4" | sed "s|^|$1: has $2 |;s|\$| (not in jobmatch --help)|"
}

# Every command and subcommand is a word of each file.
commands() {
    while read -r cmd sub; do
        word=${sub:-$cmd}
        grep -qw -- "$word" "$1" || echo "$1: lacks the command '$cmd${sub:+ $sub}'"
    done <"$tmp/commands"
}

f=$dir/jobmatch.bash
if [ -f "$f" ]; then
    code "$f" | grep -o -- '--[a-z][a-z0-9-]*' | sort -u >"$tmp/got"
    same "$f" option "$tmp/long" "$tmp/got"
    code "$f" | sed -n "s/^ *local short='\(.*\)'.*/\1/p" | tr ' ' '\n' | sed -n 's/^-//p' |
        sort -u >"$tmp/got"
    same "$f" "short option" "$tmp/short" "$tmp/got"
    commands "$f"
else
    echo "$f: missing"
fi

f=$dir/_jobmatch
if [ -f "$f" ]; then
    code "$f" | grep -o -- '--[a-z][a-z0-9-]*' | sort -u >"$tmp/got"
    same "$f" option "$tmp/long" "$tmp/got"
    # '(-f --format)'{-f+,--format=}'[...]'
    code "$f" | sed -n 's/.*{-\([A-Za-z]\)[+=]\{0,1\},--\([a-z][a-z0-9-]*\)[+=-]*}.*/\1 \2/p' |
        sort -u >"$tmp/got"
    same "$f" "short option" "$tmp/pairs" "$tmp/got"
    commands "$f"
else
    echo "$f: missing"
fi

f=$dir/jobmatch.fish
if [ -f "$f" ]; then
    # complete -c jobmatch -s f -l format ...
    code "$f" | grep '^complete ' | grep -o -- ' -l [a-z][a-z0-9-]*' | sed 's/ -l /--/' | sort -u >"$tmp/got"
    same "$f" option "$tmp/long" "$tmp/got"
    code "$f" | grep '^complete ' | grep -o -- ' -s [A-Za-z] -l [a-z][a-z0-9-]*' | sed 's/ -s \(.\) -l / \1 /;s/^ //' |
        sort -u >"$tmp/got"
    same "$f" "short option" "$tmp/pairs" "$tmp/got"
    code "$f" | grep '^complete ' | grep -o -- ' -s [A-Za-z]' | sed 's/ -s //' | sort -u >"$tmp/got"
    same "$f" "short option" "$tmp/short" "$tmp/got"
    commands "$f"
else
    echo "$f: missing"
fi

# The commands and subcommands, each alone, to compare with what a shell offers.
cut -d' ' -f1 "$tmp/commands" | sort -u >"$tmp/cmds"
sed -n 's/^dict //p' "$tmp/commands" | sort -u >"$tmp/subs"

# Loaded by the shells that are installed. They complete from a directory of
# their own, with a HOME of their own (fish writes its history there).
mkdir -p "$tmp/home" "$tmp/cwd"
if command -v bash >/dev/null 2>&1; then
    # shellcheck disable=SC2016
    HOME=$tmp/home bash -c '
        . "$1" || exit 1
        complete -p jobmatch
        cd "$2" || exit 1
        c() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _jobmatch
              printf "%s\n" "${COMPREPLY[@]}" | sed "s/=\$//" | sort -u; }
        c jobmatch "" >"$3/commands.out"
        c jobmatch dict "" >"$3/subs.out"
        c jobmatch -- >"$3/long.out"' sh "$dir/jobmatch.bash" "$tmp/cwd" "$tmp" >"$tmp/complete-p" 2>&1
    grep -q -- '-F _jobmatch jobmatch$' "$tmp/complete-p" ||
        echo "bash: complete -p jobmatch: $(head -n 1 "$tmp/complete-p")"
    same "bash: jobmatch <TAB>" command "$tmp/cmds" "$tmp/commands.out"
    same "bash: jobmatch dict <TAB>" subcommand "$tmp/subs" "$tmp/subs.out"
    same "bash: jobmatch --<TAB>" option "$tmp/long" "$tmp/long.out"
fi
if command -v zsh >/dev/null 2>&1; then
    zsh -n "$dir/_jobmatch" || echo "zsh: $dir/_jobmatch does not parse"
    # shellcheck disable=SC2016
    got=$(HOME=$tmp/home zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit
          compinit -u -D; print -r -- $_comps[jobmatch]' sh "$dir" 2>&1)
    [ "$got" = _jobmatch ] || echo "zsh: compinit does not bind jobmatch to _jobmatch: $got"
fi
if command -v fish >/dev/null 2>&1; then
    abs=$(cd "$dir" && pwd)
    # shellcheck disable=SC2016
    (cd "$tmp/cwd" && HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home XDG_DATA_HOME=$tmp/home \
        fish -N -c 'source $argv[1]; or exit 1
            complete -C "jobmatch " | cut -f1 | sort -u >$argv[2]/commands.out
            complete -C "jobmatch dict " | cut -f1 | sort -u >$argv[2]/subs.out
            complete -C "jobmatch --" | cut -f1 | string replace -r "=\$" "" | sort -u >$argv[2]/long.out' \
            "$abs/jobmatch.fish" "$tmp") ||
        echo "fish: $dir/jobmatch.fish does not load"
    same "fish: jobmatch <TAB>" command "$tmp/cmds" "$tmp/commands.out"
    same "fish: jobmatch dict <TAB>" subcommand "$tmp/subs" "$tmp/subs.out"
    same "fish: jobmatch --<TAB>" option "$tmp/long" "$tmp/long.out"
fi
echo checked
