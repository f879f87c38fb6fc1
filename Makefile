# khabar - build, test, eval, bench. See README.md.
#
#   make            library (static + shared + pkg-config) and build/khabar
#   make test       every test, rebuilt with ASan + UBSan (build/asan/)
#   make fuzz       short libFuzzer runs (FUZZ_SECONDS each, default 60)
#   make eval       quality figures, name<TAB>value (needs ../shared)
#   make bench      speed figures beside the peers (needs ../shared)
#   make data       rebuild generated data under data/ (needs ../shared)

CC      ?= gcc
PKGS    := libutf8proc sqlite3 gumbo zlib
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) -Iinclude -Isrc \
             $(shell pkg-config --cflags $(PKGS))
LIBS    := $(shell pkg-config --libs $(PKGS)) -lpthread -lm
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

KHABAR_SHARED ?= ../shared
export KHABAR_SHARED

LIB_SRC := $(sort $(wildcard src/base/*.c src/text/*.c src/analysis/*.c src/index/*.c src/extract/*.c src/ner/*.c)) data/lexicon.c data/ner_names.c models/attrib.c
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/*/*.c))

# the statement model's weights, generated C (tools/train-stmt.py)
LIB_SRC += models/stmt.c

B := build
LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o)
PIC_OBJ := $(LIB_SRC:%.c=$(B)/pic/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/obj/%.o)
SAN_LIB := $(LIB_SRC:%.c=$(B)/asan/%.o)
SAN_CLI := $(CLI_SRC:%.c=$(B)/asan/%.o)
SAN_TST := $(TEST_SRC:%.c=$(B)/asan/%.o) $(B)/asan/tests/unit/runner.o

all: $(B)/libkhabar.a $(B)/libkhabar.so $(B)/khabar.pc $(B)/khabar

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DKH_BUILDING -fvisibility=hidden -MMD -MP -c $< -o $@
$(B)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DKH_BUILDING -fvisibility=hidden -fPIC -MMD -MP -c $< -o $@
$(B)/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O1 $(SAN) -MMD -MP -c $< -o $@

# The built-in entity model is assembled into builtin.o (.incbin): rebuild
# the object when tools/train-ner.sh writes a new model.
$(B)/obj/src/ner/builtin.o $(B)/pic/src/ner/builtin.o $(B)/asan/src/ner/builtin.o \
  $(B)/fuzz/obj/src/ner/builtin.o: models/ner.khm

$(B)/libkhabar.a: $(LIB_OBJ)
	rm -f $@; ar rcs $@ $^
$(B)/libkhabar.so: $(PIC_OBJ)
	$(CC) -shared -Wl,-soname,libkhabar.so.0 -o $@ $^ $(LIBS)
$(B)/khabar.pc: khabar.pc.in
	sed -e 's|@PREFIX@|$(or $(PREFIX),/usr/local)|' -e 's|@VERSION@|$(shell sed -n 's/^#define KH_VERSION_STRING "\(.*\)"/\1/p' include/khabar.h)|' $< > $@
$(B)/khabar: $(CLI_OBJ) $(B)/libkhabar.a
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(B)/libkhabar.a $(LIBS)

# What the learned extraction steps are trained on: the statements' candidate
# speakers (attrib-dump: tools/train-attrib.sh, eval/attrib_cv.py) and the
# mark pairs' feature rows (stmt-features: tools/train-stmt.py).
$(B)/tools/attrib-dump $(B)/tools/stmt-features: $(B)/tools/%: tools/%.c tools/docin.h $(B)/libkhabar.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libkhabar.a $(LIBS)

# ---- tests (ASan + UBSan) -------------------------------------------------
$(B)/asan/khabar: $(SAN_CLI) $(SAN_LIB)
	$(CC) $(SAN) -o $@ $^ $(LIBS)
$(B)/asan/unit: $(SAN_TST) $(SAN_LIB)
	$(CC) $(SAN) -o $@ $^ $(LIBS)

# The fuzzers run first (20 s each by default in make test), so that the suite
# ends on the test runners' "N passed, N failed" lines.
TEST_FUZZ_SECONDS ?= 20
test: $(B)/asan/unit $(B)/asan/khabar
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(TEST_FUZZ_SECONDS)
	$(B)/asan/unit
	KHABAR=$(B)/asan/khabar tests/run-cli-tests.sh
	KHABAR=$(B)/asan/khabar tests/search-cli-tests.sh
	KHABAR=$(B)/asan/khabar tests/ner-cli-tests.sh

golden: $(B)/khabar
	tests/golden/regen.sh $(B)/khabar

# ---- fuzzing (clang libFuzzer) --------------------------------------------
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS)) \
              -fsanitize=address,undefined -fno-sanitize-recover=all
# The library is compiled once for all targets (instrumented, not linked
# with the fuzzer's main); each target adds only its own file.
FUZZ_LIB := $(LIB_SRC:%.c=$(B)/fuzz/obj/%.o)
.SECONDARY: $(FUZZ_LIB) # kept between runs, not deleted as intermediates
$(B)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@
$(B)/fuzz/%: tests/fuzz/%.c $(FUZZ_LIB)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB) $(LIBS)
fuzz: $(FUZZ_TARGETS:%=$(B)/fuzz/%)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(B)/fuzz/corpus-$$t; \
	  echo "fuzz $$t for $(FUZZ_SECONDS)s"; \
	  $(B)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=0 \
	    -artifact_prefix=$(B)/fuzz/ \
	    $(B)/fuzz/corpus-$$t tests/fuzz/seeds/$$t 2>$(B)/fuzz/$$t.log || { tail -50 $(B)/fuzz/$$t.log; exit 1; }; \
	  grep -E '^(#[0-9]+.*DONE|Done)' $(B)/fuzz/$$t.log | tail -1; \
	done

# ---- eval / bench / data ---------------------------------------------------
# The build goes to stderr, so stdout holds name<TAB>value lines only.
eval:
	@$(MAKE) --no-print-directory all >&2
	@eval/run.sh
bench:
	@$(MAKE) --no-print-directory all >&2
	@bench/run.sh
data:
	tools/build-data.sh

format:
	clang-format -i include/*.h src/*/*.[ch] tests/unit/*/*.c tests/unit/*.[ch] tests/fuzz/*.c tools/*.c bench/*.c
format-check:
	clang-format --dry-run -Werror include/*.h src/*/*.[ch] tests/unit/*/*.c tests/unit/*.[ch] tests/fuzz/*.c tools/*.c bench/*.c

PREFIX ?= /usr/local
install: all
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/bin \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 $(B)/libkhabar.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(B)/libkhabar.so $(DESTDIR)$(PREFIX)/lib/libkhabar.so.0
	ln -sf libkhabar.so.0 $(DESTDIR)$(PREFIX)/lib/libkhabar.so
	install -m 644 include/khabar.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(B)/khabar.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/
	install -m 755 $(B)/khabar $(DESTDIR)$(PREFIX)/bin/

clean:
	rm -rf $(B)/obj $(B)/pic $(B)/asan $(B)/fuzz $(B)/khabar $(B)/libkhabar.* $(B)/khabar.pc

.PHONY: all test golden fuzz eval bench data format format-check install clean
-include $(shell find $(B) -name '*.d' 2>/dev/null)
