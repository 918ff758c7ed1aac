# jobmatch - build, test, install. `make help` lists the targets.

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
LIBDIR   ?= $(PREFIX)/lib
INCDIR   ?= $(PREFIX)/include
# jobmatch finds its dictionaries at ../share/jobmatch/dictionaries from the
# directory of the executable (see src/cli/dicts.c): keep DATADIR there.
DATADIR  ?= $(PREFIX)/share/jobmatch
MANDIR   ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
BASHCOMPDIR  ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR   ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR  ?= $(PREFIX)/share/fish/vendor_completions.d
DESTDIR  ?=

CC       ?= cc
PKG_CONFIG ?= pkg-config
PKGS     := libxml-2.0 libpcre2-8 libutf8proc libcjson libcmark libzip
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS))
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

# CPPFLAGS, CFLAGS, LDFLAGS and LDLIBS are the user's (environment or command
# line, e.g. from dpkg-buildflags); they come after the flags jobmatch needs,
# which stay whatever they say. WERROR=1 (make check, CI) makes warnings errors.
CFLAGS   ?= -O2 -g
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter \
            $(if $(filter 1,$(WERROR)),-Werror)
JM_CPPFLAGS := -Iinclude -Isrc -D_GNU_SOURCE $(PKG_CFLAGS)
JM_CFLAGS   := -std=c11 -fvisibility=hidden $(WARN)
JM_LIBS     := $(PKG_LIBS) -lm -lpthread
# Each object also writes its header dependencies (a .d file beside it).
DEPFLAGS    = -MMD -MP -MF $@.d -MT $@

BUILD    ?= build
# The library's sources: src/ and its family folders (src/LAYERS).
LIB_SRC  := $(wildcard src/*.c src/read/*.c src/report/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
# The HTML reports' stylesheet and script, edited as files, compiled in as arrays.
ASSETS   := $(sort $(wildcard src/report/assets/*.css src/report/assets/*.js))
ASSET_OBJ := $(BUILD)/gen/assets.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Everything the program reads from dictionaries/ (keywords and phrasing
# rules), and the format's documentation; dictionaries/tools/ is not installed.
DATA_FILES := $(wildcard dictionaries/*.dict dictionaries/*.rules) dictionaries/README.md

# The binary and library live in the tree top (./jobmatch) for a normal
# build, in $(BUILD) for the sanitizer build.
ifeq ($(BUILD),build)
  OUT := .
else
  OUT := $(BUILD)
endif
BIN := $(OUT)/jobmatch
LIB := $(OUT)/libjobmatch.a

.PHONY: all test check asan tsan leakcheck browser test-install scaling scaling-table demo eval bench golden \
        install uninstall clean lint format help fuzz fuzz-smoke fuzz-build

all: $(BIN) $(LIB)

# The library and the CLI use none of the header's deprecated names; the
# tests do, on purpose, to keep them working for one release.
$(LIB_OBJ) $(CLI_OBJ): JM_CPPFLAGS += -DJM_NO_DEPRECATED

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(JM_CPPFLAGS) $(CPPFLAGS) $(JM_CFLAGS) $(CFLAGS) $(DEPFLAGS) -c $< -o $@

$(BUILD)/gen/assets.c: $(ASSETS) src/report/assets/embed.sh
	@mkdir -p $(dir $@)
	sh src/report/assets/embed.sh $(ASSETS) >$@.tmp && mv $@.tmp $@

$(ASSET_OBJ): $(BUILD)/gen/assets.c
	$(CC) $(JM_CFLAGS) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ) $(ASSET_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(JM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(JM_LIBS) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(JM_CPPFLAGS) $(CPPFLAGS) $(JM_CFLAGS) -Wno-missing-field-initializers $(CFLAGS) \
	    $(DEPFLAGS) $(LDFLAGS) $(UNIT_LDFLAGS) -o $@ $< $(LIB) $(JM_LIBS) $(LDLIBS) $(CMOCKA_LIBS)

# test_nomem fails each allocation in turn: the library's own go through its wrappers.
$(BUILD)/tests/test_nomem: UNIT_LDFLAGS := \
    -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup

-include $(LIB_OBJ:=.d) $(CLI_OBJ:=.d) $(UNIT_BIN:=.d)

## test: unit tests (cmocka), keyword cases, the header's example and CLI golden tests
test: $(BIN) $(UNIT_BIN)
	@JOBMATCH=$(BIN) UNIT_DIR=$(BUILD)/tests CC='$(CC)' \
	    EXAMPLE_CFLAGS='-std=c11 $(WARN) -Iinclude $(CFLAGS) $(LDFLAGS)' \
	    EXAMPLE_LIBS='$(LIB) $(JM_LIBS) $(LDLIBS)' sh tests/run.sh

## asan: the same tests built with -fsanitize=address,undefined (UBSan stops at its first report)
asan:
	@mkdir -p build/asan && ln -sfn ../../dictionaries build/asan/dictionaries
	$(MAKE) BUILD=build/asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=address,undefined" test

## tsan: the batch and track tests (threads; -j 8 on any number of cores among them) under ThreadSanitizer
tsan:
	@mkdir -p build/tsan && ln -sfn ../../dictionaries build/tsan/dictionaries
	@$(MAKE) --no-print-directory BUILD=build/tsan CFLAGS="-O1 -g -fsanitize=thread" \
	    LDFLAGS="-fsanitize=thread" build/tsan/jobmatch >/dev/null
	@TSAN_OPTIONS="halt_on_error=1 exitcode=66" JOBMATCH=build/tsan/jobmatch CASES='[bt][ar][ta]c[hk]-*' \
	    sh tests/run.sh --cli-only

## check: every test plain, under ASan+UBSan and TSan, the CLI under valgrind, the install, scaling, the fuzz smoke and the browser (CI runs this)
check:
	@mkdir -p build
	@$(MAKE) --no-print-directory WERROR=1 test 2>&1 | tee build/test.log; \
	 $(MAKE) --no-print-directory WERROR=1 asan 2>&1 | tee build/asan.log; \
	 $(MAKE) --no-print-directory WERROR=1 tsan 2>&1 | tee build/tsan.log; \
	 $(MAKE) --no-print-directory WERROR=1 leakcheck 2>&1 | tee build/leakcheck.log; \
	 $(MAKE) --no-print-directory WERROR=1 test-install 2>&1 | tee build/install.log; \
	 $(MAKE) --no-print-directory WERROR=1 scaling 2>&1 | tee build/scaling.log; \
	 $(MAKE) --no-print-directory fuzz-smoke 2>&1 | tee build/fuzz.log; \
	 $(MAKE) --no-print-directory browser 2>&1 | tee build/browser.log; \
	 sh tests/total.sh build/test.log build/asan.log build/tsan.log build/leakcheck.log \
	    build/install.log build/scaling.log build/fuzz.log build/browser.log

## browser: the HTML reports rendered in headless Chromium (phone, desktop, dark); skipped without it
browser: $(BIN)
	@JOBMATCH=$(BIN) sh tests/browser.sh

## leakcheck: the CLI tests under valgrind (leaks and memory errors fail)
leakcheck: $(BIN)
	@JOBMATCH=$(BIN) VALGRIND=1 sh tests/run.sh --cli-only

## test-install: install to a temporary PREFIX and DESTDIR, compare with ./jobmatch, uninstall
test-install: all
	@MAKE="$(MAKE)" sh tests/install.sh

## scaling: each input kind at 10k and 100k units costs at most 25x (counted work, CPU, memory): linear, not quadratic
# A build of its own (build/scaling, -DJM_TEST_HOOKS) counts the work of the loops that were
# once quadratic (JM_WORK, base.h); never under sanitizers or valgrind, which distort time.
scaling: build/tests/scaling/scaling
	@mkdir -p build/scaling && ln -sfn ../../dictionaries build/scaling/dictionaries
	@$(MAKE) --no-print-directory BUILD=build/scaling CPPFLAGS="$(CPPFLAGS) -DJM_TEST_HOOKS" \
	    build/scaling/jobmatch >/dev/null
	@JOBMATCH=build/scaling/jobmatch build/tests/scaling/scaling

## scaling-table: CPU seconds of each input kind at 10k, 30k and 100k units, as a Markdown table
scaling-table: $(BIN) build/tests/scaling/scaling
	@JOBMATCH=$(BIN) build/tests/scaling/scaling --table

build/tests/scaling/scaling: tests/scaling/scaling.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -Wno-missing-field-initializers $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lzip

# ---- fuzzing: tests/fuzz (README "Fuzzing") ---------------------------------
# The library is built again with clang, instrumented for libFuzzer and under ASan+UBSan
# (UBSan aborts, so that libFuzzer keeps the input), in build/fuzz; each tests/fuzz/fuzz_*.c
# is a target linked against it.
FUZZ_CC    ?= clang
FUZZ_TIME  ?= 60
FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=undefined
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))

# In the recursive make of fuzz-build (BUILD=build/fuzz): the targets.
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(LIB)
	$(CC) $(JM_CPPFLAGS) $(CPPFLAGS) -DFUZZ_DICT_DIR='"$(abspath dictionaries)"' $(JM_CFLAGS) \
	    $(CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $< $(LIB) $(JM_LIBS) $(LDLIBS)

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=$(FUZZ_CC) \
	    CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" LDFLAGS="$(FUZZ_FLAGS)" \
	    $(FUZZ_NAMES:%=build/fuzz/fuzz_%)

## fuzz: build the libFuzzer targets (clang), run each FUZZ_TIME seconds (default 60); findings in build/fuzz/findings
fuzz:
	@CC=$(FUZZ_CC) sh tests/fuzz/run.sh --check-toolchain && $(MAKE) --no-print-directory fuzz-build
	@FUZZ_TIME=$(FUZZ_TIME) sh tests/fuzz/run.sh long $(FUZZ_NAMES)

## fuzz-smoke: each fuzz target briefly over its seeds, and every kept finding replayed (part of check)
fuzz-smoke:
	@mkdir -p build; if CC=$(FUZZ_CC) sh tests/fuzz/run.sh --check-toolchain; then \
	     $(MAKE) --no-print-directory fuzz-build >build/fuzz-build.log 2>&1 || \
	         { cat build/fuzz-build.log; echo "0 passed, 1 failed"; exit 1; }; \
	     sh tests/fuzz/run.sh smoke $(FUZZ_NAMES); \
	 else echo "0 passed, 0 failed"; fi

## demo: build, then run jobmatch on the bundled samples
demo: $(BIN)
	./jobmatch samples/resume.md samples/posting-greenhouse.html
	./jobmatch samples/resume.md samples/posting-jsonld.html
	./jobmatch keywords samples/posting-legacy-cp1252.html

## golden: rewrite the expected CLI outputs from the current binary (review the diff!)
golden: $(BIN)
	@JOBMATCH=$(BIN) UPDATE=1 sh tests/run.sh --cli-only

## eval: keyword precision/recall and title/company/location (shared labels, a held-out half; blind fixtures), SkillSpan, bullet accuracy (needs ../shared)
eval: $(BIN)
	@python3 tests/eval/eval.py $(BIN) ../shared/corpus
	@echo
	@python3 tests/eval/eval_bullets.py $(BIN) ../shared/corpus
	@echo
	@echo "tests/meta-blind (the project's own postings; d- tuned on, c- held out):"
	@python3 tests/meta-blind/score.py $(BIN) | tail -2

## bench: timings against baselines measured in the same run (never asserted)
bench: $(BIN) build/bench/spawn build/bench/floor
	@sh bench/bench.sh

build/bench/spawn: bench/spawn.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $<

build/bench/floor: bench/floor.c
	@mkdir -p $(dir $@)
	$(CC) $(shell $(PKG_CONFIG) --cflags libxml-2.0) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(shell $(PKG_CONFIG) --libs libxml-2.0)

## lint: the library never prints or exits; the C sources are clang-format clean
LIB_HDR  := $(wildcard src/*.h src/read/*.h src/report/*.h)
CLANG_FORMAT ?= clang-format
FORMAT_SRC := $(wildcard src/*.c src/*.h src/*/*.c src/*/*.h include/*.h tests/unit/*.c \
                tests/unit/*.h tests/scaling/*.c tests/fuzz/*.c tests/fuzz/*.h)
lint:
	@! grep -nE '\b(printf|fprintf|puts|fputs|exit|abort)\s*\(' $(LIB_SRC) $(LIB_HDR) || \
	    { echo "lint: the library must not print or exit" >&2; exit 1; }
	@$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_SRC) || \
	    { echo "lint: not in the .clang-format style (make format fixes it)" >&2; exit 1; }
	@echo "lint: ok ($(words $(FORMAT_SRC)) C files in the .clang-format style)"

## format: clang-format the C files in place
format:
	$(CLANG_FORMAT) -i $(FORMAT_SRC)

## install: PREFIX=/usr/local DESTDIR= (never rebuilds what make built; see README)
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) \
	    $(DESTDIR)$(DATADIR)/dictionaries $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PKGCONFIGDIR) \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/jobmatch
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libjobmatch.a
	install -m 644 include/jobmatch.h $(DESTDIR)$(INCDIR)/jobmatch.h
	install -m 644 $(DATA_FILES) $(DESTDIR)$(DATADIR)/dictionaries/
	install -m 644 man/jobmatch.1 $(DESTDIR)$(MANDIR)/man1/jobmatch.1
	install -m 644 completions/jobmatch.bash $(DESTDIR)$(BASHCOMPDIR)/jobmatch
	install -m 644 completions/_jobmatch $(DESTDIR)$(ZSHCOMPDIR)/_jobmatch
	install -m 644 completions/jobmatch.fish $(DESTDIR)$(FISHCOMPDIR)/jobmatch.fish
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCDIR@|$(INCDIR)|' \
	    -e 's|@VERSION@|$(shell sed -n 's/^#define JM_VERSION "\(.*\)"/\1/p' include/jobmatch.h)|' \
	    -e 's|@PKGS@|$(PKGS)|' src/jobmatch.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/jobmatch.pc
ifneq ($(abspath $(BINDIR)/../share/jobmatch),$(abspath $(DATADIR)))
	@echo "note: DATADIR is not BINDIR/../share/jobmatch: set JOBMATCH_DATA_DIR=$(DATADIR) to run jobmatch" >&2
endif

## uninstall: removes what install installed (same PREFIX, DESTDIR)
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/jobmatch $(DESTDIR)$(LIBDIR)/libjobmatch.a \
	    $(DESTDIR)$(INCDIR)/jobmatch.h $(DESTDIR)$(MANDIR)/man1/jobmatch.1 \
	    $(DESTDIR)$(PKGCONFIGDIR)/jobmatch.pc $(DESTDIR)$(BASHCOMPDIR)/jobmatch \
	    $(DESTDIR)$(ZSHCOMPDIR)/_jobmatch $(DESTDIR)$(FISHCOMPDIR)/jobmatch.fish \
	    $(addprefix $(DESTDIR)$(DATADIR)/dictionaries/,$(notdir $(DATA_FILES)))
	rmdir $(DESTDIR)$(DATADIR)/dictionaries $(DESTDIR)$(DATADIR) 2>/dev/null || :

clean:
	rm -rf build jobmatch libjobmatch.a

help:
	@grep -h '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

# ---- exit statuses: src/cli/exit_codes.def is the one list ----------------
# cli.h and msg.c include it (-MMD tracks it); man/gen-exit-status.sh copies it
# into the man page and README.md (the cli golden exit-status-docs fails when
# they differ).
.PHONY: man
## man: rewrite the exit status lists of man/jobmatch.1 and README.md from src/cli/exit_codes.def
man:
	@sh man/gen-exit-status.sh
