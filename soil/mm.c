/*
 * Program memory (see soil/mm.h).
 */
#include <asm-generic/errno.h>
#include <linux/mman.h>
#include <linux/stat.h>
#include "kernel/kmalloc.h"
#include "kernel/kprintf.h"
#include "kernel/memory.h"
#include "kernel/pmem.h"
#include "kernel/string.h"
#include "soil/file.h"
#include "soil/memfs.h"
#include "soil/mm.h"
#include "soil/ranges.h"
#include "soil/user.h"

#define PAGE_MASK	((uint64_t)PAGE_SIZE - 1)

/*
 * A shared mapping of a file: its pages are the file's data while mapped
 * (memfs_share), and every mapping of the same file is the same pages.
 */
struct shared_map {
	struct shared_map *next;
	struct mnode *node;	/* held with memfs_get */
	uint64_t base;
	uint64_t pages;
	unsigned refs;		/* mmap calls not yet unmapped */
};

static struct ranges owned;
static struct shared_map *shared;
static uint64_t brk_at;

/* Sets the break the program sees. */
void mm_init(uint64_t brk_base)
{
	brk_at = (brk_base + PAGE_MASK) & ~PAGE_MASK;
}

/* Pages needed for len bytes. */
static uint64_t pages_of(uint64_t len)
{
	return (len + PAGE_MASK) / PAGE_SIZE;
}

/* Returns [start, end) to the page allocator. */
static void free_part(uint64_t start, uint64_t end)
{
	page_free((void *)(uintptr_t)start, (end - start) / PAGE_SIZE);
}

/* Gives the program n fresh zeroed pages; 0 when there are none. */
static uint64_t take_pages(uint64_t n)
{
	void *p = page_alloc(n);
	uint64_t a = (uint64_t)(uintptr_t)p;

	if (!p)
		return 0;
	if (ranges_add(&owned, a, a + n * PAGE_SIZE) < 0) {
		page_free(p, n);
		return 0;
	}
	return a;
}

/* Returns [start, end) of the program's pages to the allocator. */
static int give_back(uint64_t start, uint64_t end)
{
	/* Room first: once pages are freed, forgetting them must not fail. */
	if (ranges_reserve(&owned) < 0)
		return -1;
	ranges_each(&owned, start, end, free_part);
	return ranges_remove(&owned, start, end);
}

/*
 * Fills a private mapping at a with len bytes of the file at fd from off;
 * what lies past the file's end stays zero.  0 or -errno.
 */
static long read_file(uint64_t a, uint64_t len, int fd, int64_t off)
{
	struct file *f = fd_get(fd);
	uint64_t pos = (uint64_t)off, done = 0;
	long n;

	if (!f)
		return -EBADF;
	if (!file_readable(f))
		return -EACCES;
	if (!f->ops->pread)
		return -ENODEV;
	while (done < len) {
		n = f->ops->pread(f, (char *)(uintptr_t)a + done, len - done,
		    &pos);
		if (n < 0)
			return n;
		if (n == 0)
			break;
		done += (uint64_t)n;
	}
	return 0;
}

/*
 * Maps len bytes of the file f from off, shared: the file's data moves
 * into pages the mapping shows, so writes through either are seen by
 * both.  A second mapping of the same file shows the same pages; it must
 * fit in them (-ENOMEM otherwise).  Returns the address or -errno.
 */
static long map_shared(uint64_t len, int prot, struct file *f, int64_t off)
{
	struct mnode *node = f->node;
	uint64_t end = (uint64_t)off + len, n;
	struct shared_map *m;
	void *p;

	if (!node || !S_ISREG(node->mode))
		return -ENODEV;
	if ((prot & PROT_WRITE) && !file_writable(f))
		return -EACCES;
	for (m = shared; m; m = m->next)
		if (m->node == node) {
			if (end > m->pages * PAGE_SIZE)
				return -ENOMEM;
			m->refs++;
			return (long)(m->base + (uint64_t)off);
		}
	n = pages_of(end > node->u.reg.len ? end : node->u.reg.len);
	if (!(m = kmalloc(sizeof(*m))))
		return -ENOMEM;
	if (!(p = page_alloc(n))) {
		kfree(m);
		return -ENOMEM;
	}
	memfs_get(node);
	memfs_share(node, p, n * PAGE_SIZE);
	m->node = node;
	m->base = (uint64_t)(uintptr_t)p;
	m->pages = n;
	m->refs = 1;
	m->next = shared;
	shared = m;
	return (long)(m->base + (uint64_t)off);
}

/*
 * Drops one mapping of the shared file mapping that holds addr; the last
 * one gives the file its data back and frees the pages.  Returns whether
 * addr was in one.
 */
static bool unmap_shared(uint64_t addr)
{
	struct shared_map **pm, *m;

	for (pm = &shared; (m = *pm); pm = &m->next)
		if (addr >= m->base && addr < m->base + m->pages * PAGE_SIZE)
			break;
	if (!m)
		return false;
	if (--m->refs)
		return true;
	if (memfs_unshare(m->node, (unsigned char *)(uintptr_t)m->base) < 0) {
		/* The file keeps the pages; only the mapping ends. */
		kprintf("mm: no memory to end a shared mapping; its pages "
		    "stay the file's\n");
		m->refs = 1;
		return true;
	}
	*pm = m->next;
	page_free((void *)(uintptr_t)m->base, m->pages);
	memfs_put(m->node);
	kfree(m);
	return true;
}

/*
 * mmap: fresh zeroed pages, a file's pages shared with it, a private copy
 * of a file, or MAP_FIXED inside what the program owns.
 */
long sys_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd,
    int64_t off)
{
	uint64_t n = pages_of(len), a;
	struct file *f;
	long err;

	if (!len || n > USER_LIMIT / PAGE_SIZE || (off & PAGE_MASK) || off < 0)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS) && (flags & MAP_TYPE) != MAP_PRIVATE) {
		if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE))
			return -EINVAL;
		if (!(f = fd_get(fd)))
			return -EBADF;
		return map_shared(len, prot, f, off);
	}
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr & PAGE_MASK)
			return -EINVAL;
		/* Only inside what the program owns: the rest is the kernel. */
		if (!ranges_contains(&owned, addr, addr + n * PAGE_SIZE))
			return -ENOMEM;
		if (flags & MAP_FIXED_NOREPLACE)
			return -EEXIST;
		memset((void *)(uintptr_t)addr, 0, n * PAGE_SIZE);
		a = addr;
	} else if (!(a = take_pages(n))) {
		return -ENOMEM;
	}
	if (flags & MAP_ANONYMOUS)
		return (long)a;
	err = read_file(a, len, fd, off);
	if (err < 0) {
		if (!(flags & MAP_FIXED))
			give_back(a, a + n * PAGE_SIZE);
		return err;
	}
	return (long)a;
}

/* munmap: frees what the program owns in the range. */
long sys_munmap(uint64_t addr, uint64_t len)
{
	if ((addr & PAGE_MASK) || !len ||
	    !user_ok((void *)(uintptr_t)addr, len))
		return -EINVAL;
	if (unmap_shared(addr))
		return 0;
	return give_back(addr, addr + pages_of(len) * PAGE_SIZE) < 0 ?
	    -ENOMEM : 0;
}

/* mprotect: accepted, not enforced, on what the program owns. */
long sys_mprotect(uint64_t addr, uint64_t len, int prot)
{
	(void)prot;
	if (addr & PAGE_MASK)
		return -EINVAL;
	return ranges_contains(&owned, addr, addr + pages_of(len) * PAGE_SIZE) ?
	    0 : -ENOMEM;
}

/* mremap: shrinks in place, grows by moving (MREMAP_MAYMOVE). */
long sys_mremap(uint64_t old, uint64_t old_len, uint64_t new_len, int flags,
    uint64_t new_addr)
{
	uint64_t old_n = pages_of(old_len), new_n = pages_of(new_len), a;

	(void)new_addr;
	/* A new_len within a page of 2^64 rounds to no pages, as on Linux. */
	if ((old & PAGE_MASK) || !new_n || (flags & ~MREMAP_MAYMOVE))
		return -EINVAL;
	if (!old_len || !ranges_contains(&owned, old, old + old_n * PAGE_SIZE))
		return -EFAULT;
	if (new_n <= old_n) {
		if (give_back(old + new_n * PAGE_SIZE,
		    old + old_n * PAGE_SIZE) < 0)
			return -ENOMEM;
		return (long)old;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	a = take_pages(new_n);
	if (!a)
		return -ENOMEM;
	memcpy((void *)(uintptr_t)a, (void *)(uintptr_t)old, old_n * PAGE_SIZE);
	if (give_back(old, old + old_n * PAGE_SIZE) < 0) {
		give_back(a, a + new_n * PAGE_SIZE);
		return -ENOMEM;
	}
	return (long)a;
}

/* madvise: advice only. */
long sys_madvise(uint64_t addr, uint64_t len, int advice)
{
	(void)addr;
	(void)len;
	(void)advice;
	return 0;	/* advice only: nothing here can use it */
}

/* brk: the break never moves. */
long sys_brk(uint64_t addr)
{
	(void)addr;
	return (long)brk_at;
}
