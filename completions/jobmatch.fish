# fish completion for jobmatch. Installed as
# $(PREFIX)/share/fish/vendor_completions.d/jobmatch.fish.
# tests/completions.sh checks it against `jobmatch --help`.

set -l commands match tailor keywords lint batch track summarize dict config

# The first operand: a command, or the resume of the default match (files too).
complete -c jobmatch -n "not __fish_seen_subcommand_from $commands" -a match -d 'the match report (the default command)'
complete -c jobmatch -n "not __fish_seen_subcommand_from $commands" -a tailor -d 'what to change in the resume for this posting'
complete -c jobmatch -n "not __fish_seen_subcommand_from $commands" -a keywords -d 'the dictionary keywords found in one document'
complete -c jobmatch -n "not __fish_seen_subcommand_from $commands" -a lint -d 'each bullet judged: result, partial or task'
complete -c jobmatch -n "not __fish_seen_subcommand_from $commands" -a batch -d 'score many postings, ranked, with the market view'
complete -c jobmatch -n "not __fish_seen_subcommand_from $commands" -a track -d 'keep a tracker spreadsheet of these postings scored'
complete -c jobmatch -n "not __fish_seen_subcommand_from $commands" -a summarize -d 'the market view from batch --format jsonl output'
complete -c jobmatch -n "not __fish_seen_subcommand_from $commands" -a dict -d 'check, list or show the dictionaries'
complete -c jobmatch -n "not __fish_seen_subcommand_from $commands" -a config -d 'the settings in effect and where each comes from'

# dict check [PATH...] | list | show NAME
complete -c jobmatch -n "__fish_seen_subcommand_from dict; and not __fish_seen_subcommand_from check list show" -f -a check -d 'validate dictionaries'
complete -c jobmatch -n "__fish_seen_subcommand_from dict; and not __fish_seen_subcommand_from check list show" -f -a list -d 'the terms, by category'
complete -c jobmatch -n "__fish_seen_subcommand_from dict; and not __fish_seen_subcommand_from check list show" -f -a show -d 'one term: aliases, guard, relations'
complete -c jobmatch -n "__fish_seen_subcommand_from list show" -f

# Options
complete -c jobmatch -s f -l format -x -a 'text json md html table csv jsonl' -d 'output format'
complete -c jobmatch -s o -l output -r -F -d 'write the report to FILE, whole or not at all'
# --color takes its value only as --color=WHEN
complete -c jobmatch -l color -f -a 'auto always never' -d 'colour: auto, always, never'
complete -c jobmatch -l min-score -x -d 'match: exit 1 below this score; batch: only postings scoring it'
complete -c jobmatch -s j -l jobs -x -d 'batch: postings scored at once'
complete -c jobmatch -l top -x -d 'batch: only the N best postings'
complete -c jobmatch -l ordered -d 'batch: jsonl lines in input order'
complete -c jobmatch -l summary -r -F -d 'batch: also write the market view to FILE'
complete -c jobmatch -s q -l quiet -d 'batch: no progress bar'
complete -c jobmatch -l before -r -F -d 'tailor: an earlier version of the resume'
complete -c jobmatch -l max-tasks -x -d 'lint: exit 1 only above N task bullets'
complete -c jobmatch -l dict -r -F -d 'add a .dict or .rules file, or a directory of them'
complete -c jobmatch -l no-cache -d 'parse the dictionaries, not their compiled image'
complete -c jobmatch -l role -x -a 'posting resume' -d 'keywords: read FILE as a posting or a resume'
complete -c jobmatch -l category -x -a '(jobmatch dict list 2>/dev/null | string split -f1 " " | sort -u)' -d 'dict list: only this category'
complete -c jobmatch -l limit -x -a 'input= record= html-depth= line= pattern-steps= rule-steps= dict-nodes=' -d 'raise or lower a limit'
complete -c jobmatch -l file -r -F -d 'track: the tracker spreadsheet (CSV)'
complete -c jobmatch -l bom -d 'track: write the tracker with a UTF-8 BOM'
complete -c jobmatch -l resume -r -F -d 'the resume: every operand is a posting'
complete -c jobmatch -l have -x -d 'keywords you have that the resume does not show'
complete -c jobmatch -l ignore -x -d 'keywords never counted as gaps'
complete -c jobmatch -l assume -x -d 'batch: what if the resume showed these at work'
complete -c jobmatch -l title -x -d 'batch: only postings whose title holds TEXT'
complete -c jobmatch -l keyword -x -d 'batch: only postings asking for the keyword'
complete -c jobmatch -l config -r -F -d 'read the settings from FILE'
complete -c jobmatch -l no-config -d 'read no config file'
complete -c jobmatch -s h -l help -d 'show the help'
complete -c jobmatch -s V -l version -d 'show the version'
