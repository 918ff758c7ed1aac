# bash completion for jobmatch                             -*- shell-script -*-
# Installed as $(PREFIX)/share/bash-completion/completions/jobmatch (loaded on
# demand by bash-completion), or source it from ~/.bashrc. Needs no helper
# from the bash-completion package. tests/completions.sh checks it against
# `jobmatch --help`.

_jobmatch_files()
{
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY+=($(compgen -P "$2" -f -- "$1"))
}

_jobmatch()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev= eq= pre=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    # --opt=value: "--color=al" comes as "--color" "=" "al" when
    # COMP_WORDBREAKS has '=' (the default), else as one word.
    if [[ $cur == = ]]; then
        cur= eq=1
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]} eq=1
    elif [[ $cur == --*=* ]]; then
        prev=${cur%%=*} pre=${cur%%=*}= cur=${cur#*=} eq=1
    fi

    case $prev in
    -f | --format)
        COMPREPLY=($(compgen -P "$pre" -W 'text json md html table csv jsonl' -- "$cur"))
        return ;;
    --color)
        # WHEN only as --color=WHEN; "--color always" is two arguments.
        if [[ -n $eq ]]; then
            COMPREPLY=($(compgen -P "$pre" -W 'auto always never' -- "$cur"))
            return
        fi ;;
    --role)
        COMPREPLY=($(compgen -P "$pre" -W 'posting resume' -- "$cur"))
        return ;;
    --category)
        local IFS=$'\n'
        COMPREPLY=($(compgen -P "$pre" -W "$("${COMP_WORDS[0]}" dict list 2>/dev/null |
            cut -d' ' -f1 | sort -u)" -- "$cur"))
        return ;;
    -o | --output | --dict | --summary | --before | --file | --resume | --config)
        _jobmatch_files "$cur" "$pre"
        return ;;
    -j | --jobs | --min-score | --top | --max-tasks)
        return ;; # a number
    --have | --ignore | --assume | --keyword | --title)
        return ;; # keyword names, text
    --limit)
        COMPREPLY=($(compgen -P "$pre" -W 'input= record= html-depth= line= pattern-steps=
            rule-steps= dict-nodes=' -- "$cur"))
        compopt -o nospace 2>/dev/null
        return ;;
    esac

    local long='--format= --output= --color --color= --min-score= --jobs= --top= --ordered --summary=
        --quiet --before= --max-tasks= --dict= --no-cache --role= --category= --limit= --file=
        --bom --resume= --have= --ignore= --assume= --title= --keyword= --config= --no-config
        --help --version'
    local short='-f -o -j -q -h -V'
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$long $short" -- "$cur"))
        # "--format=": no space after it, the value follows
        [[ ${#COMPREPLY[@]} == 1 && $COMPREPLY == *= ]] && compopt -o nospace 2>/dev/null
        return
    fi

    # The command is the first operand: skip options and their arguments.
    local i word command= sub= skip=
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == = ]]; then # "--format" "=" "json": skip "json"
            skip=1
            continue
        fi
        if [[ -n $skip ]]; then
            skip=
            continue
        fi
        case $word in
        -f | --format | -o | --output | -j | --jobs | --min-score | --top | --summary | --before | --max-tasks | \
            --dict | --role | --category | --limit | --file | --resume | --have | --ignore | \
            --assume | --title | --keyword | --config)
            skip=1 ;;
        -*) ;;
        *)
            if [[ -z $command ]]; then
                command=$word
            elif [[ $command == dict && -z $sub ]]; then
                sub=$word
            fi ;;
        esac
    done

    case $command in
    '')
        # The first operand: a command, or the resume of the default match.
        COMPREPLY=($(compgen -W 'match tailor keywords lint batch track summarize dict config' -- "$cur"))
        _jobmatch_files "$cur" ;;
    dict)
        [[ -z $sub ]] && COMPREPLY=($(compgen -W 'check list show' -- "$cur"))
        [[ $sub == check ]] && _jobmatch_files "$cur" ;;
    *)
        _jobmatch_files "$cur" ;;
    esac
}

complete -F _jobmatch jobmatch
