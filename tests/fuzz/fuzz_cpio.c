/*
 * The newc loader on arbitrary bytes: it must reject or load without a
 * sanitizer report, and every loaded file must read back within the
 * input.  The input is copied to a buffer of its exact size so that a
 * read past its end is caught.
 */
/* <linux/stat.h> first: it hides S_IFMT once glibc's headers were seen. */
#include <linux/stat.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "soil/cpio.h"
#include "soil/memfs.h"
#include "tests/unit/kstubs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads every file and link of the tree, depth first without recursion. */
static void read_all(struct memfs *fs)
{
	static char buf[65536];
	struct mnode *stack[512], *d, *n;
	struct mdir_entry e;
	int top = 0;
	uint64_t pos, want;

	stack[top++] = fs->root;
	while (top) {
		d = stack[--top];
		for (pos = 2; memfs_readdir(d, pos, &e); pos = e.next) {
			n = memfs_lookup(d, e.name, e.len);
			if (!n)
				abort();
			want = n->size < sizeof(buf) ? n->size : sizeof(buf);
			if (S_ISREG(n->mode) &&
			    memfs_read(n, buf, sizeof(buf), 0) != (long)want)
				abort();
			if (S_ISLNK(n->mode) && strlen(n->u.target) != n->size)
				abort();
			if (S_ISDIR(n->mode) && top < 512)
				stack[top++] = n;
		}
	}
}

/*
 * Loads one input as an archive into a fresh tree and reads back every file
 * it made.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	struct memfs *fs = memfs_new();

	memcpy(copy, data, size);
	kstubs_log_clear();
	cpio_load(fs, copy, size);
	read_all(fs);
	memfs_destroy(fs);
	free(copy);
	/* Everything is given back but a spare page per size class. */
	if (kstubs_pages_in_use() > 8)
		abort();
	return 0;
}
