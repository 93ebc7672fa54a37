/*
 * mksyms: turns `nm -n --defined-only` output for the first link of the
 * image into an assembly file holding the .ksyms table the kernel reads
 * (format in kernel/ksyms.h).  Only code symbols are kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sym {
	unsigned long addr;
	char *name;
};

static void die(const char *msg, unsigned long line)
{
	fprintf(stderr, "mksyms: line %lu of the nm output: %s\n", line, msg);
	exit(1);
}

int main(void)
{
	char line[1024], type, name[900];
	struct sym *syms = NULL, *grown;
	unsigned long addr, n = 0, cap = 0, lineno = 0, i, off = 0;

	while (fgets(line, sizeof(line), stdin)) {
		lineno++;
		if (!strchr(line, '\n'))
			die("line too long", lineno);
		if (sscanf(line, "%lx %c %899s", &addr, &type, name) != 3)
			die("not 'address type name'", lineno);
		if (type != 't' && type != 'T')
			continue;
		if (addr > 0xffffffffUL)
			die("address beyond 4 GiB", lineno);
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			grown = realloc(syms, cap * sizeof(*syms));
			if (!grown)
				die("out of memory", lineno);
			syms = grown;
		}
		if (strpbrk(name, "\"\\"))
			die("a symbol name with a quote or backslash", lineno);
		syms[n].addr = addr;
		syms[n].name = strdup(name);
		if (!syms[n].name)
			die("out of memory", lineno);
		if (n && addr < syms[n - 1].addr)
			die("input not sorted by address (use nm -n)", lineno);
		n++;
	}
	printf("\t.section .ksyms, \"a\"\n\t.balign 4\n");
	printf("\t.long %lu\n\t.long %lu\n", n, 8 + n * 8);
	for (i = 0; i < n; i++) {
		printf("\t.long 0x%lx, %lu\n", syms[i].addr, off);
		off += strlen(syms[i].name) + 1;
	}
	for (i = 0; i < n; i++)
		printf("\t.asciz \"%s\"\n", syms[i].name);
	printf("\t.section .note.GNU-stack, \"\", @progbits\n");
	for (i = 0; i < n; i++)
		free(syms[i].name);
	free(syms);
	return 0;
}
