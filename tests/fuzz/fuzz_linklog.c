/*
 * What terrarium reads back from the tools on arbitrary text: ld's
 * undefined symbols, nm's code symbols, readelf's relocations, ocamlfind's
 * command and ocamlobjinfo's C libraries.  Symbol names come from the
 * user's objects, so none of it is trusted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/clibs.h"
#include "compiler/linklog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Hands one input to each of the tool-output readers. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strlist syms = { 0 }, where = { 0 }, cmxa = { 0 }, words = { 0 };
	char *text = malloc(size + 1), first[64], buf[32];
	const char *archive;
	size_t i;

	memcpy(text, data, size);
	text[size] = '\0';
	if (linklog_undefined(text, &syms, &where) == 0) {
		if (syms.n != where.n)
			abort();
		for (i = 0; i < syms.n; i++)
			linklog_hint(syms.v[i]);
	}
	if (!linklog_same_code(text, text))
		abort();
	linklog_defines_code(text, "program_start");
	if (linklog_bad_relocs(text, first, sizeof(first)) > 0 && !*first)
		abort();
	clibs_from_command(text, &cmxa, &words);
	clibs_from_objinfo(text, &words);
	for (i = 0; i < words.n; i++)
		clib_classify(words.v[i], buf, sizeof(buf), &archive);
	strlist_free(&syms);
	strlist_free(&where);
	strlist_free(&cmxa);
	strlist_free(&words);
	free(text);
	return 0;
}
