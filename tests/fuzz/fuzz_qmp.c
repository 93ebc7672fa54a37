/*
 * The QMP JSON scanner on arbitrary monitor lines, and the quoting round
 * trip: any text quoted, put in an object, found and decoded is the text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/qmp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Looks up key in json[0..len) and decodes what it finds, two levels deep. */
static void probe(const char *json, size_t len, const char *key)
{
	const char *v, *d;
	size_t vlen, dlen;
	char out[64];

	v = qmp_member(json, len, key, &vlen);
	if (!v)
		return;
	if (v < json || v + vlen > json + len || vlen == 0)
		abort();
	qmp_string(v, vlen, out, sizeof(out));
	d = qmp_member(v, vlen, "desc", &dlen);
	if (d && (d < v || d + dlen > v + vlen))
		abort();
	if (d)
		qmp_string(d, dlen, out, 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = { "return", "error", "event", "data", "QMP" };
	char *text, *quoted, *obj, *back;
	const char *v;
	size_t i, n, vlen;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		probe((const char *)data, size, keys[i]);

	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	n = strlen(text);
	quoted = malloc(qmp_quoted_size(text));
	qmp_quote(text, quoted);
	if (strlen(quoted) + 1 != qmp_quoted_size(text))
		abort();
	obj = malloc(strlen(quoted) + 32);
	strcpy(obj, "{\"a\": [1, {}], \"k\": ");
	strcat(obj, quoted);
	strcat(obj, "}\r\n");
	v = qmp_member(obj, strlen(obj), "k", &vlen);
	if (!v || vlen != strlen(quoted))
		abort();
	back = malloc(n + 1);
	if (qmp_string(v, vlen, back, n + 1) < 0 || strcmp(back, text) != 0)
		abort();
	free(back);
	free(obj);
	free(quoted);
	free(text);
	return 0;
}
