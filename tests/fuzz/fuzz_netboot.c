/*
 * netboot's parsers of user input on arbitrary text, and the iPXE script
 * built from what they accept: it must keep one line per setting (no
 * command line can add a line of its own) and no '$' but its own.
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "netboot/conf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Counts the lines of text and the '$' signs in it. */
static void count(const char *text, int *lines, int *dollars)
{
	*lines = *dollars = 0;
	for (; *text; text++) {
		*lines += *text == '\n';
		*dollars += *text == '$';
	}
}

/*
 * Feeds one input to each netboot parser and checks the script built from
 * what they accepted.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *buf = NULL;
	struct in_addr a, m, f, l;
	struct netboot_host h;
	struct netboot_conf c;
	int lines, dollars, base_lines, base_dollars;
	size_t len;
	FILE *out;

	memcpy(s, data, size);
	s[size] = '\0';
	inet_pton(AF_INET, "10.0.0.1", &a);
	inet_pton(AF_INET, "255.255.255.0", &m);
	netboot_parse_range(s, a, m, &f, &l);
	memset(&c, 0, sizeof(c));
	c.addr = a;
	c.http_port = 8080;
	out = open_memstream(&buf, &len);
	netboot_write_script(out, &c);
	fclose(out);
	count(buf, &base_lines, &base_dollars);
	free(buf);
	if (netboot_parse_host(s, &h) == NULL &&
	    netboot_cmdline_problem(h.cmdline) == NULL) {
		c.cmdline = h.cmdline;
		c.hosts = &h;
		c.nhosts = 1;
		buf = NULL;
		out = open_memstream(&buf, &len);
		netboot_write_script(out, &c);
		fclose(out);
		count(buf, &lines, &dollars);
		/* One line more, for the host; "${netX/mac}" is its '$'. */
		if (lines != base_lines + 1 || dollars != base_dollars + 1)
			abort();
		free(buf);
	}
	free(s);
	return 0;
}
