/*
 * The command line terrarium run gives the image: its order, the quoting
 * the kernel's splitter undoes, and the words it cannot carry.
 */
#include <stdlib.h>
#include <string.h>
#include "compiler/runline.h"
#include "tests/unit/check.h"

/* Whether the line built from the parts is want. */
static int builds(const char *kernel, char **env, int nenv, char **args,
    int nargs, const char *want)
{
	const char *bad;
	char *line = runline_build(kernel, env, nenv, args, nargs, &bad);
	int ok = line && strcmp(line, want) == 0;

	if (!ok)
		fprintf(stderr, "  got '%s', want '%s'\n",
		    line ? line : "(null)", want);
	free(line);
	return ok;
}

/*
 * The line built from environment words and arguments, quoted for the
 * kernel's splitter.
 */
static void test_build(void)
{
	char *env[] = { "OCAMLRUNPARAM=b", "A_1=x y" };
	char *args[] = { "one", "two words", "", "--", "-v" };

	CHECK(builds(NULL, NULL, 0, NULL, 0, "stdio=com2 video=keep"));
	CHECK(builds("", NULL, 0, NULL, 0, "stdio=com2 video=keep"));
	CHECK(builds("video=800x600 poweroff", NULL, 0, NULL, 0,
	    "stdio=com2 video=keep video=800x600 poweroff"));
	CHECK(builds(NULL, env, 2, NULL, 0,
	    "stdio=com2 video=keep OCAMLRUNPARAM=b \"A_1=x y\""));
	CHECK(builds("crash=null", env, 1, args, 5,
	    "stdio=com2 video=keep crash=null OCAMLRUNPARAM=b -- one \"two words\" \"\" "
	    "-- -v"));
}

/* Words the line cannot carry are refused and pointed at. */
static void test_refused(void)
{
	char *quote[] = { "say \"hi\"" };
	char *lower[] = { "path=/x" };
	const char *bad = NULL;

	CHECK(runline_build(NULL, NULL, 0, quote, 1, &bad) == NULL &&
	    bad == quote[0]);
	bad = NULL;
	CHECK(runline_build(NULL, lower, 1, NULL, 0, &bad) == NULL &&
	    bad == lower[0]);
}

/* Which words are environment variables. */
static void test_env_names(void)
{
	CHECK(runline_is_env("OCAMLRUNPARAM=b"));
	CHECK(runline_is_env("A=") );
	CHECK(runline_is_env("X_2=a=b"));
	CHECK(!runline_is_env("=x"));
	CHECK(!runline_is_env("_X=1"));
	CHECK(!runline_is_env("1X=1"));
	CHECK(!runline_is_env("lower=1"));
	CHECK(!runline_is_env("NOVALUE"));
	CHECK(!runline_is_env("A-B=1"));
}

/*
 * Reading the program's exit status from the serial log, where it agrees
 * with what isa-debug-exit gave.
 */
static void test_exit_status(void)
{
	const char *log = "hi\nprogram: exit status 3\r\n"
	    "program: exit status 130\r\n";
	const char *odd = "xprogram: exit status 130\n";

	CHECK(runline_exit_status(log, strlen(log), 2) == 130);
	/* the line must agree with what isa-debug-exit said */
	CHECK(runline_exit_status(log, strlen(log), 3) == 3);
	CHECK(runline_exit_status("", 0, 5) == 5);
	/* only at the start of a line */
	CHECK(runline_exit_status(odd, strlen(odd), 2) == 2);
	/* cut short: no digits */
	CHECK(runline_exit_status("program: exit status ", 21, 0) == 0);
	CHECK(runline_exit_status("program: exit status 999\n", 25, 103) ==
	    103);
}

/* Runs the runline cases; the status is check_report's. */
int main(void)
{
	test_exit_status();
	test_build();
	test_refused();
	test_env_names();
	return check_report("runline");
}
