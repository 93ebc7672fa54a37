/* The command-line splitter and value parsers on arbitrary text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/cmdline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1), *words[8];
	uint32_t w, h;
	int i, n;

	memcpy(line, data, size);
	line[size] = '\0';
	n = cmdline_split(line, words, 8);
	for (i = 0; i < n && i < 8; i++) {
		if (strchr(words[i], ' ') && !memchr(data, '"', size))
			abort();
		cmdline_is_image_path(words[i]);
		if (cmdline_value(words[i], "video"))
			cmdline_parse_size(cmdline_value(words[i], "video"), &w, &h);
	}
	free(line);
	return 0;
}
