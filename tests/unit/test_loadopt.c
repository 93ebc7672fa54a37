/* UTF-16 load options to UTF-8. */
#include <string.h>
#include "efi/loadopt.h"
#include "tests/unit/check.h"

static int conv(const uint16_t *s, size_t units, char *out, size_t outsize)
{
	return loadopt_to_utf8(s, units * 2, out, outsize);
}

int main(void)
{
	static const uint16_t ascii[] = { 'a', ' ', 'b', '=', '1', 0 };
	static const uint16_t tab[] = { 'a', '\t', 'b' };
	static const uint16_t accents[] = { 0xe9, 0x20ac };
	static const uint16_t pair[] = { 0xd83d, 0xde00 };
	static const uint16_t lone_high[] = { 'x', 0xd83d };
	static const uint16_t lone_low[] = { 0xde00, 'x' };
	static const uint16_t binary[] = { 0x0001, 0x0203 };
	static const uint16_t after_nul[] = { 'o', 'k', 0, 0x0001 };
	char out[16];

	CHECK(conv(ascii, 6, out, sizeof(out)) == 5 && !strcmp(out, "a b=1"));
	CHECK(conv(tab, 3, out, sizeof(out)) == 3 && !strcmp(out, "a b"));
	CHECK(conv(accents, 2, out, sizeof(out)) == 5 &&
	    !strcmp(out, "\xc3\xa9\xe2\x82\xac"));
	CHECK(conv(pair, 2, out, sizeof(out)) == 4 &&
	    !strcmp(out, "\xf0\x9f\x98\x80"));
	CHECK(conv(lone_high, 2, out, sizeof(out)) == -1 && !out[0]);
	CHECK(conv(lone_low, 2, out, sizeof(out)) == -1);
	CHECK(conv(binary, 2, out, sizeof(out)) == -1);
	CHECK(conv(after_nul, 4, out, sizeof(out)) == 2 && !strcmp(out, "ok"));
	CHECK(loadopt_to_utf8(ascii, 5, out, sizeof(out)) == -1);
	CHECK(conv(ascii, 6, out, 4) == -1 && !out[0]);
	CHECK(conv(ascii, 6, out, 6) == 5);
	CHECK(conv(ascii, 0, out, sizeof(out)) == 0 && !out[0]);
	return check_report("loadopt");
}
