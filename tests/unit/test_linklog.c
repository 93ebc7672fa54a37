/*
 * Reading the link tools' output: ld's undefined symbols (as binutils 2.40
 * prints them), the hints, the code-symbol comparison of the two links and
 * the relocation check (readelf -rW).
 */
#include <string.h>
#include "compiler/linklog.h"
#include "tests/unit/check.h"

static const char ld_log[] =
"ld: /tmp/terrarium-build.x/prog.o: in function `camlHello__entry':\n"
"hello.ml:(.text+0x12): undefined reference to `unix_getcwd'\n"
"ld: hello.ml:(.text+0x40): undefined reference to `unix_getcwd'\n"
"ld: /usr/lib/x86_64-linux-musl/libc.a(fcntl.o): in function `fcntl':\n"
"(.text+0x5): undefined reference to `__fcntl_chk'\n"
"ld: u.o:(.data+0x0): undefined reference to `some_table'\n"
"ld: stubs.o: in function `f':\n"
"stubs.c:3: undefined reference to 'quoted_sym'\n"
"ld: final link failed: bad value\n";

/* Undefined symbols and where they were used, from ld's log. */
static void test_undefined(void)
{
	struct strlist syms = { 0 }, where = { 0 };

	CHECK(linklog_undefined(ld_log, &syms, &where) == 0);
	CHECK(syms.n == 4 && where.n == 4);
	if (syms.n != 4 || where.n != 4)
		return;
	CHECK(strcmp(syms.v[0], "unix_getcwd") == 0);
	CHECK(strcmp(where.v[0], "/tmp/terrarium-build.x/prog.o") == 0);
	CHECK(strcmp(syms.v[1], "__fcntl_chk") == 0);
	CHECK(strcmp(where.v[1],
	    "/usr/lib/x86_64-linux-musl/libc.a(fcntl.o)") == 0);
	CHECK(strcmp(syms.v[2], "some_table") == 0);
	CHECK(strcmp(where.v[2], "u.o") == 0);
	CHECK(strcmp(syms.v[3], "quoted_sym") == 0);
	CHECK(strcmp(where.v[3], "stubs.o") == 0);
	strlist_free(&syms);
	strlist_free(&where);
	CHECK(linklog_undefined("ld: cannot find foo.o: No such file\n", &syms,
	    &where) == 0 && syms.n == 0);
}

/* The hint printed for a missing symbol names its likely source. */
static void test_hints(void)
{
	CHECK(strstr(linklog_hint("unix_getcwd"), "unix") != NULL);
	CHECK(strstr(linklog_hint("re_search_forward"), "str") != NULL);
	CHECK(strstr(linklog_hint("pthread_create"), "threads") != NULL);
	CHECK(strstr(linklog_hint("__memcpy_chk"), "glibc") != NULL);
	CHECK(strstr(linklog_hint("program_start"), "start-up") != NULL);
	CHECK(strstr(linklog_hint("caml_ba_alloc"), "runtime") != NULL);
	CHECK(linklog_hint("ssl_init") == NULL);
}

static const char nm1[] =
"0000000000001000 T _start\n"
"0000000000001010 t helper\n"
"0000000000002000 R table\n"
"0000000000003000 D data\n";

/* Whether two nm listings have the same code, which a relink must keep. */
static void test_same_code(void)
{
	/* Data may move (the symbol table is data); code may not. */
	CHECK(linklog_same_code(nm1, "0000000000001000 T _start\n"
	    "0000000000001010 t helper\n0000000000002000 R table\n"
	    "0000000000003000 D data\n0000000000004000 r __ksyms_start\n"));
	CHECK(!linklog_same_code(nm1, "0000000000001000 T _start\n"
	    "0000000000001020 t helper\n"));
	CHECK(!linklog_same_code(nm1, "0000000000001000 T _start\n"));
	CHECK(!linklog_same_code("0000000000001000 T _start\n", nm1));
	CHECK(linklog_same_code("", ""));
}

/* Whether an nm listing defines a code symbol of exactly that name. */
static void test_defines(void)
{
	CHECK(linklog_defines_code(nm1, "helper"));
	CHECK(linklog_defines_code(nm1, "_start"));
	CHECK(!linklog_defines_code(nm1, "help"));
	CHECK(!linklog_defines_code(nm1, "table"));
	CHECK(!linklog_defines_code(nm1, "missing"));
}

/*
 * Reading readelf's relocations: only R_X86_64_RELATIVE ones are fine; the
 * first other is named.
 */
static void test_relocs(void)
{
	static const char good[] =
	"\nRelocation section '.rela' at offset 0x14000 contains 2 entries:\n"
	"    Offset             Info             Type               "
	"Symbol's Value  Symbol's Name + Addend\n"
	"000000000000e160  0000000000000008 R_X86_64_RELATIVE      "
	"                   9164\n"
	"000000000000e168  0000000000000008 R_X86_64_RELATIVE      "
	"                   9169\n";
	static const char bad[] =
	"000000000000e160  0000000000000008 R_X86_64_RELATIVE      "
	"                   9164\n"
	"000000000000e170  0000000500000001 R_X86_64_64            "
	"0000000000000000 environ + 0\n"
	"000000000000e178  0000000600000006 R_X86_64_GLOB_DAT      "
	"0000000000000000 stdout + 0\n";
	char first[64];

	CHECK(linklog_bad_relocs(good, first, sizeof(first)) == 0);
	CHECK(linklog_bad_relocs("There are no relocations in this file.\n",
	    first, sizeof(first)) == 0);
	CHECK(linklog_bad_relocs(bad, first, sizeof(first)) == 2);
	CHECK(strcmp(first, "R_X86_64_64 environ") == 0);
}

/* Runs the linklog cases; the status is check_report's. */
int main(void)
{
	test_undefined();
	test_hints();
	test_same_code();
	test_defines();
	test_relocs();
	return check_report("linklog");
}
