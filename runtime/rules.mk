# runtime/: the OCaml runtime and musl, built from Debian packages, and how
# a program is started on the kernel (initial stack, auxv, syscall entry).

# --- OCaml 4.13.1 native runtime and the unix/str C stubs, built with musl ---
# From Debian's ocaml-source package, unmodified, against Debian's installed
# caml/m.h, s.h and version.h; see runtime/README.md.  Flags are those of
# OCaml's own build (Debian's Makefile.config OC_CFLAGS/OC_CPPFLAGS, the
# runtime/Makefile -g and native defines) plus -fPIC for the -shared image.
# Debian's hardening flags (stack protector, fortify) are left out, and an
# implicitly declared libc function is an error: with musl it would mean an
# s.h HAS_* setting that musl does not back, and a truncated return value.
OCAML_SRC_TAR := /usr/src/ocaml-source-4.13.1.tar
OCAML_SRC := $(B)/ocaml-src
OCAML_CFG := $(B)/ocaml-cfg
OCAML_OBJ := $(B)/ocaml-obj
OCAML_LIBDIR := $(B)/lib/terrarium
OCAML_LIBS := $(OCAML_LIBDIR)/libasmrun.a $(OCAML_LIBDIR)/libunix.a \
	$(OCAML_LIBDIR)/libcamlstr.a

OCAML_CC := musl-gcc
OCAML_CPPFLAGS := -D_FILE_OFFSET_BITS=64 -DCAML_NAME_SPACE -DCAMLDLLIMPORT= \
	-DNATIVE_CODE -DTARGET_amd64 -DMODEL_default -DSYS_linux \
	-I$(OCAML_SRC)/runtime -I$(OCAML_CFG) -I$(OCAML_CFG)/caml
OCAML_CFLAGS := -O2 -g -fPIC -fno-strict-aliasing -fwrapv -pthread -Wall \
	-Wdeclaration-after-statement -fno-common -fexcess-precision=standard \
	-fno-tree-vrp -ffunction-sections -Werror=implicit-function-declaration \
	$(OCAML_CPPFLAGS)

# runtime/Makefile's NATIVE_C_SOURCES (UNIX_OR_WIN32=unix) and ARCH=amd64.
OCAML_ASMRUN := startup_aux startup_nat main fail_nat roots_nat signals \
	signals_nat misc freelist major_gc minor_gc memory alloc compare ints \
	floats str array io extern intern hash sys parsing gc_ctrl eventlog md5 \
	obj lexing unix printexc callback weak compact finalise custom \
	globroots backtrace_nat backtrace dynlink_nat debugger meta dynlink \
	clambda_checks afl bigarray memprof domain skiplist codefrag
# otherlibs/unix/Makefile's COBJS (every .c file of that directory).
OCAML_UNIX := accept access addrofstr alarm bind channels chdir chmod chown \
	chroot close fsync closedir connect cst2constr cstringv dup dup2 \
	envir errmsg execv execve execvp exit fchmod fchown fcntl fork \
	ftruncate getaddrinfo getcwd getegid geteuid getgid getgr getgroups \
	gethost gethostname getlogin getnameinfo getpeername getpid getppid \
	getproto getpw gettimeofday getserv getsockname getuid gmtime \
	initgroups isatty itimer kill link listen lockf lseek mkdir mkfifo \
	mmap mmap_ba nice open opendir pipe putenv read realpath readdir \
	readlink rename rewinddir rmdir select sendrecv setgid setgroups \
	setsid setuid shutdown signals sleep socket socketaddr socketpair \
	sockopt spawn stat strofaddr symlink termios time times truncate \
	umask unixsupport unlink utimes wait write

OCAML_ASMRUN_SRCS := $(addprefix runtime/,$(addsuffix .c,$(OCAML_ASMRUN)) amd64.S)
OCAML_UNIX_SRCS := $(addprefix otherlibs/unix/,$(addsuffix .c,$(OCAML_UNIX)))
OCAML_STR_SRCS := otherlibs/str/strstubs.c
ocaml_objs = $(addprefix $(OCAML_OBJ)/,$(addsuffix .o,$(basename $(1))))
OCAML_CFG_HDRS := $(addprefix $(OCAML_CFG)/caml/,m.h s.h version.h) \
	$(OCAML_CFG)/build_config.h
OCAML_DEBIAN_FILES := $(OCAML_SRC_TAR) $(addprefix /usr/lib/ocaml/caml/,m.h s.h version.h)

all: $(OCAML_LIBS)
ocaml-runtime: $(OCAML_LIBS)
.PHONY: ocaml-runtime runtime-test

# Files from Debian packages: mk/deps.sh installs them on the first build.
$(OCAML_DEBIAN_FILES): | $(DEPS)
	@test -f $@ || { echo "runtime: $@ is missing (see mk/deps.sh)" >&2; exit 1; }

# The package holds the upstream tarball and Debian's patches; none of those
# patches changes the runtime, and the one that touches otherlibs/unix
# (envir.c, AT_SECURE) changes nothing on Linux, so none is applied.
$(OCAML_SRC)/.unpacked: $(OCAML_SRC_TAR)
	@echo "  UNPACK  $<"
	@rm -rf $(OCAML_SRC) $(OCAML_SRC).tmp && mkdir -p $(OCAML_SRC) $(OCAML_SRC).tmp
	@tar -xf $< -C $(OCAML_SRC).tmp ocaml-4.13.1/ocaml_4.13.1.orig.tar.gz
	@tar -xzmf $(OCAML_SRC).tmp/ocaml-4.13.1/ocaml_4.13.1.orig.tar.gz \
		--strip-components=1 -C $(OCAML_SRC) \
		$(addprefix ocaml-4.13.1/,LICENSE runtime otherlibs/unix otherlibs/str)
	@rm -rf $(OCAML_SRC).tmp
	@touch $@

$(addprefix $(OCAML_SRC)/,$(OCAML_ASMRUN_SRCS) $(OCAML_UNIX_SRCS) $(OCAML_STR_SRCS)): \
		| $(OCAML_SRC)/.unpacked ;

# configure's outputs, as Debian's build made them.
$(OCAML_CFG)/caml/%.h: /usr/lib/ocaml/caml/%.h
	@mkdir -p $(dir $@)
	@cp $< $@

# runtime/Makefile generates this; only dynlink.c includes it, and the native
# runtime uses neither value.
$(OCAML_CFG)/build_config.h:
	@mkdir -p $(dir $@)
	@printf '#define OCAML_STDLIB_DIR "/usr/lib/ocaml"\n#define HOST "x86_64-pc-linux-gnu"\n' > $@

$(OCAML_OBJ)/%.o: $(OCAML_SRC)/%.c $(OCAML_CFG_HDRS)
	@mkdir -p $(dir $@)
	@echo "  MUSLCC  $*.c"
	@$(OCAML_CC) $(OCAML_CFLAGS) -MMD -MP -c $< -o $@

$(OCAML_OBJ)/%.o: $(OCAML_SRC)/%.S $(OCAML_CFG_HDRS)
	@mkdir -p $(dir $@)
	@echo "  MUSLAS  $*.S"
	@$(OCAML_CC) -fPIC $(OCAML_CPPFLAGS) -MMD -MP -c $< -o $@

OCAML_AR = @echo "  AR      $@"; mkdir -p $(dir $@) && rm -f $@ && ar rcs $@ $^
$(OCAML_LIBDIR)/libasmrun.a: $(call ocaml_objs,$(OCAML_ASMRUN_SRCS))
	$(OCAML_AR)
$(OCAML_LIBDIR)/libunix.a: $(call ocaml_objs,$(OCAML_UNIX_SRCS))
	$(OCAML_AR)
$(OCAML_LIBDIR)/libcamlstr.a: $(call ocaml_objs,$(OCAML_STR_SRCS))
	$(OCAML_AR)

# Differential test on Linux: the same programs linked with these libraries
# and musl, and with Debian's runtime and glibc, must print the same bytes.
runtime-test: $(OCAML_LIBS)
	@sh tests/runtime/run.sh $(OCAML_LIBDIR) $(B)/tests/runtime

# --- start-up and the syscall entry (kernel code in every program image) ---
# runtime/start.c calls musl's __libc_start_main and OCaml's main, so it is
# linked only into images with a program (terrarium link forces it in with
# -u program_start); the kernel reaches it through a weak reference.
KSRCS += runtime/syscall_entry.S runtime/syscall.c runtime/syscall_names.c \
	runtime/syscall_table.c
PROGRAM_KSRCS := runtime/start.c
PROGRAM_KOBJS := $(B)/k/runtime/start.o
KCFLAGS_runtime := -I$(B)/gen

$(B)/gen/syscall_names.inc: /usr/include/x86_64-linux-gnu/asm/unistd_64.h | $(DEPS)
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	@sed -n 's/^#define __NR_\([a-z0-9_]*\) \([0-9]*\)$$/\t[\2] = "\1",/p' $< > $@
$(B)/k/runtime/syscall_names.o: $(B)/gen/syscall_names.inc
