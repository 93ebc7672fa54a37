/* Command-line splitting, the image-name rule and value parsers. */
#include <stdint.h>
#include <string.h>
#include "kernel/cmdline.h"
#include "tests/unit/check.h"

/* Splitting a command line into words: runs of blanks, the word limit. */
static void split_cases(void)
{
	char line[128], *w[8];
	int n;

	strcpy(line, "  a  bb\tc ");
	n = cmdline_split(line, w, 8);
	CHECK(n == 2);
	CHECK(!strcmp(w[0], "a"));
	CHECK(!strcmp(w[1], "bb\tc"));

	strcpy(line, "x=\"hello world\" \"q\"r y");
	n = cmdline_split(line, w, 8);
	CHECK(n == 3);
	CHECK(!strcmp(w[0], "x=hello world"));
	CHECK(!strcmp(w[1], "qr"));
	CHECK(!strcmp(w[2], "y"));

	strcpy(line, "\"unterminated quote");
	n = cmdline_split(line, w, 8);
	CHECK(n == 1 && !strcmp(w[0], "unterminated quote"));

	strcpy(line, "");
	CHECK(cmdline_split(line, w, 8) == 0);

	strcpy(line, "1 2 3 4 5");
	n = cmdline_split(line, w, 2);
	CHECK(n == 5);
	CHECK(!strcmp(w[0], "1") && !strcmp(w[1], "2"));
}

/* Which first words are the image's path or URL that loaders pass. */
static void image_path_cases(void)
{
	CHECK(cmdline_is_image_path("\\EFI\\BOOT\\BOOTX64.EFI"));
	CHECK(cmdline_is_image_path("hello.efi"));
	CHECK(cmdline_is_image_path("http://10.0.0.1/boot/img"));
	CHECK(cmdline_is_image_path("FS0:\\app"));
	CHECK(!cmdline_is_image_path("poweroff"));
	CHECK(!cmdline_is_image_path("video=800x600"));
	CHECK(!cmdline_is_image_path("url=http://x/y"));
	CHECK(!cmdline_is_image_path("efi"));
}

/* NAME=value words and WIDTHxHEIGHT sizes, with their limits. */
static void value_cases(void)
{
	uint32_t w = 0, h = 0;

	CHECK(!strcmp(cmdline_value("video=800x600", "video"), "800x600"));
	CHECK(!strcmp(cmdline_value("poweroff", "poweroff"), ""));
	CHECK(cmdline_value("videos=1", "video") == NULL);
	CHECK(cmdline_value("vid", "video") == NULL);
	CHECK(!strcmp(cmdline_value("crash=", "crash"), ""));

	CHECK(cmdline_parse_size("1024x768", &w, &h) == 0 && w == 1024 &&
	    h == 768);
	CHECK(cmdline_parse_size("800X600", &w, &h) == 0 && w == 800 &&
	    h == 600);
	CHECK(cmdline_parse_size("800x", &w, &h) < 0);
	CHECK(cmdline_parse_size("x600", &w, &h) < 0);
	CHECK(cmdline_parse_size("0x600", &w, &h) < 0);
	CHECK(cmdline_parse_size("800x600x2", &w, &h) < 0);
	CHECK(cmdline_parse_size("99999x1", &w, &h) < 0);
	CHECK(cmdline_parse_size("", &w, &h) < 0);
}

/* Which words are environment variables (upper case, digits and _). */
static void env_cases(void)
{
	CHECK(cmdline_is_env("OCAMLRUNPARAM=b"));
	CHECK(cmdline_is_env("A_1="));
	CHECK(!cmdline_is_env("video=1024x768"));
	CHECK(!cmdline_is_env("Abc=1"));
	CHECK(!cmdline_is_env("_X=1"));
	CHECK(!cmdline_is_env("PATH"));
	CHECK(!cmdline_is_env("A-B=1"));
	CHECK(!cmdline_is_env(""));
}

/* Runs the cmdline cases; the status is check_report's. */
int main(void)
{
	env_cases();
	split_cases();
	image_path_cases();
	value_cases();
	return check_report("cmdline");
}
