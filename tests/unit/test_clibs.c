/*
 * Which C libraries an OCaml program's packages need and where the image
 * gets them: the mapping of link words, and the reading of what ocamlfind
 * -only-show and ocamlobjinfo print (outputs of Debian's OCaml 4.13.1).
 */
#include <string.h>
#include "compiler/clibs.h"
#include "tests/unit/check.h"

/* Whether word classifies as kind with the archive name want (or none). */
static int classifies(const char *word, enum clib_kind kind, const char *want)
{
	char buf[64];
	const char *archive;

	if (clib_classify(word, buf, sizeof(buf), &archive) != kind)
		return 0;
	return want ? archive && strcmp(archive, want) == 0 : archive == NULL;
}

/*
 * Which -l names resolve to our musl archives, musl's libc, Debian's
 * archives or nothing.
 */
static void test_classify(void)
{
	/* OCaml's own libraries: Terrarium's musl builds, not Debian's. */
	CHECK(classifies("-lunix", CLIB_LIBDIR, "libunix.a"));
	CHECK(classifies("-lcamlstr", CLIB_LIBDIR, "libcamlstr.a"));
	/* Part of musl's libc.a. */
	CHECK(classifies("-lm", CLIB_LIBC, NULL));
	CHECK(classifies("-ldl", CLIB_LIBC, NULL));
	CHECK(classifies("-lc", CLIB_LIBC, NULL));
	/* Threads: refused. */
	CHECK(classifies("-lthreadsnat", CLIB_THREADS, NULL));
	CHECK(classifies("-lpthread", CLIB_THREADS, NULL));
	CHECK(classifies("-pthread", CLIB_THREADS, NULL));
	/* A package's own stubs: looked for. */
	CHECK(classifies("-lbase_stubs", CLIB_SEARCH, "libbase_stubs.a"));
	CHECK(classifies("-lbigstringaf_stubs", CLIB_SEARCH,
	    "libbigstringaf_stubs.a"));
	/* Files and other options. */
	CHECK(classifies("stubs.o", CLIB_FILE, NULL));
	CHECK(classifies("/usr/lib/x/libfoo.a", CLIB_FILE, NULL));
	CHECK(classifies("-L/usr/lib/foo", CLIB_OPTION, NULL));
	CHECK(classifies("-l", CLIB_OPTION, NULL));
	CHECK(classifies("-Wl,-E", CLIB_OPTION, NULL));
}

/* A name too long for the caller's buffer. */
static void test_long_name(void)
{
	char buf[8];
	const char *archive;

	/* A name too long for the buffer is not half-used. */
	CHECK(clib_classify("-lverylongname", buf, sizeof(buf), &archive) ==
	    CLIB_OPTION);
}

/* Reading the .cmxa files and -cclib words out of ocamlfind's command. */
static void test_command(void)
{
	struct strlist cmxa = { 0 }, words = { 0 };
	static const char text[] = "ocamlopt -output-obj -o /tmp/t/prog.o "
	    "/usr/lib/ocaml/unix.cmxa /usr/lib/ocaml/str.cmxa "
	    "-cclib -lfoo_stubs '/usr/lib/ocaml/unix.cmxa' a.ml b.ml\n";

	CHECK(clibs_from_command(text, &cmxa, &words) == 0);
	CHECK(cmxa.n == 2);
	CHECK(cmxa.n == 2 &&
	    strcmp(cmxa.v[0], "/usr/lib/ocaml/unix.cmxa") == 0);
	CHECK(cmxa.n == 2 && strcmp(cmxa.v[1], "/usr/lib/ocaml/str.cmxa") == 0);
	CHECK(words.n == 1 && strcmp(words.v[0], "-lfoo_stubs") == 0);
	strlist_free(&cmxa);
	strlist_free(&words);
	CHECK(clibs_from_command("ocamlopt -output-obj -o p.o a.ml\n", &cmxa,
	    &words) == 0);
	CHECK(cmxa.n == 0 && words.n == 0);
}

/* Reading the C libraries a .cmxa needs out of ocamlobjinfo's text. */
static void test_objinfo(void)
{
	struct strlist words = { 0 };
	static const char unix_info[] = "File /usr/lib/ocaml/unix.cmxa\n"
	    "Extra C object files: -lunix\nExtra C options: \n"
	    "Name: Unix\nCRC of implementation: 0123\n";
	static const char threads_info[] = "File threads.cmxa\n"
	    "Extra C object files: -lthreadsnat -lpthread\n"
	    "Extra C options:\n";

	CHECK(clibs_from_objinfo(unix_info, &words) == 0);
	CHECK(words.n == 1 && strcmp(words.v[0], "-lunix") == 0);
	CHECK(clibs_from_objinfo(threads_info, &words) == 0);
	CHECK(words.n == 3 && strcmp(words.v[1], "-lthreadsnat") == 0 &&
	    strcmp(words.v[2], "-lpthread") == 0);
	/* The same word twice is kept once. */
	CHECK(clibs_from_objinfo(unix_info, &words) == 0 && words.n == 3);
	strlist_free(&words);
	CHECK(clibs_from_objinfo("Extra C object files:\n", &words) == 0 &&
	    words.n == 0);
	CHECK(clibs_from_objinfo("", &words) == 0 && words.n == 0);
}

/* Which package names count as OCaml's threads, which images cannot have. */
static void test_threads_package(void)
{
	CHECK(clibs_is_threads_package("threads"));
	CHECK(clibs_is_threads_package("threads.posix"));
	CHECK(!clibs_is_threads_package("threadsafe"));
	CHECK(!clibs_is_threads_package("unix"));
}

/* Runs the clibs cases; the status is check_report's. */
int main(void)
{
	test_classify();
	test_long_name();
	test_command();
	test_objinfo();
	test_threads_package();
	return check_report("clibs");
}
