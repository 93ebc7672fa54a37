/*
 * The pipe's slot ring (soil/pipe_ring.c) against a Linux pipe: the same
 * random run of non-blocking writes and reads, in byte-stream and packet
 * (O_DIRECT) mode, must give the same counts, bytes and FIONREAD on both.
 * Also ours alone: the wake-the-writer flag and running out of pages.
 */
/* Linux's headers first: <linux/stat.h> hides S_IFMT once glibc's were seen. */
#include <asm-generic/errno.h>
#include <asm/ioctls.h>
#include <linux/fcntl.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "soil/pipe_ring.h"
#include "tests/unit/check.h"
#include "tests/unit/kstubs.h"

#define BIG	100000

static unsigned char out_buf[BIG], ours[BIG], theirs[BIG];
static uint32_t rng = 12345;

/* xorshift32: a repeatable random sequence of sizes. */
static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* A non-blocking write as soil/pipe.c makes it from the two steps. */
static long ring_write(struct pipe_ring *r, const void *buf, size_t n,
    bool packet)
{
	size_t done = pipe_ring_merge(r, buf, n);
	long got = 0;

	if (done < n)
		got = pipe_ring_fill(r, (const char *)buf + done, n - done,
		    packet);
	if (got < 0)
		return done ? (long)done : got;
	done += (size_t)got;
	return done ? (long)done : -EAGAIN;
}

/* A host call's result as the kernel returns it: -errno on failure. */
static long lx(long r)
{
	return r == -1 ? -errno : r;
}

/* steps random writes and reads on both; every result must agree. */
static void run(bool packet, int steps)
{
	static const size_t wsizes[] = { 1, 2, 7, 100, 512, 1000, 2048, 4000,
	    4095, 4096, 4097, 5000, 8192, 10000, 30000, 65536, 70000 };
	static const size_t rsizes[] = { 1, 10, 100, 1000, 4096, 5000, 20000,
	    65536, BIG };
	struct pipe_ring r;
	int fds[2], i, mismatches = 0, fionread;
	unsigned stamp = 0;
	long a, b;
	size_t n;
	bool freed_full, was_full;
	unsigned tail;

	memset(&r, 0, sizeof(r));
	if (syscall(SYS_pipe2, fds, O_NONBLOCK | (packet ? O_DIRECT : 0))) {
		perror("pipe2");
		check_one(0, "pipe2", __FILE__, __LINE__);
		return;
	}
	for (i = 0; i < steps; i++) {
		if (next() % 2) {
			n = wsizes[next() % (sizeof(wsizes) / sizeof(*wsizes))];
			for (size_t k = 0; k < n; k++)
				out_buf[k] = (unsigned char)(stamp + k);
			stamp += 7;
			a = ring_write(&r, out_buf, n, packet);
			b = lx(write(fds[1], out_buf, n));
		} else {
			n = rsizes[next() % (sizeof(rsizes) / sizeof(*rsizes))];
			was_full = pipe_ring_full(&r);
			tail = r.tail;
			a = (long)pipe_ring_read(&r, ours, n, &freed_full);
			if (!a)
				a = -EAGAIN;
			b = lx(read(fds[0], theirs, n));
			if (a > 0 && a == b && memcmp(ours, theirs, (size_t)a))
				mismatches++;
			mismatches += freed_full !=
			    (was_full && r.tail != tail);
		}
		if (syscall(SYS_ioctl, fds[0], FIONREAD, &fionread))
			fionread = -1;
		if (a != b || (size_t)fionread != pipe_ring_bytes(&r)) {
			fprintf(stderr, "step %d (%zu bytes): ours %ld, Linux "
			    "%ld; FIONREAD ours %zu, Linux %d\n", i, n, a, b,
			    pipe_ring_bytes(&r), fionread);
			mismatches++;
			break;
		}
	}
	CHECK(mismatches == 0);
	CHECK(pipe_ring_empty(&r) == (pipe_ring_bytes(&r) == 0));
	pipe_ring_free(&r);
	CHECK(kstubs_pages_in_use() == 0);
	close(fds[0]);
	close(fds[1]);
}

/* What fits: 16 full pages, or 16 small writes that each take a slot. */
static void capacity(void)
{
	struct pipe_ring r;
	bool freed;
	int i;

	memset(&r, 0, sizeof(r));
	CHECK(pipe_ring_fill(&r, out_buf, BIG, false) ==
	    PIPE_SLOTS * PIPE_PAGE);
	CHECK(pipe_ring_full(&r));
	CHECK(pipe_ring_merge(&r, out_buf, 1) == 0);
	CHECK(pipe_ring_read(&r, ours, 1, &freed) == 1 && !freed);
	CHECK(pipe_ring_read(&r, ours, PIPE_PAGE, &freed) == PIPE_PAGE &&
	    freed);
	CHECK(!pipe_ring_full(&r));
	CHECK(pipe_ring_read(&r, ours, BIG, &freed) ==
	    (PIPE_SLOTS - 1) * PIPE_PAGE - 1);
	CHECK(pipe_ring_empty(&r) && r.spare);
	/* An empty ring never merges: each small write takes a fresh slot. */
	CHECK(pipe_ring_merge(&r, out_buf, 10) == 0);
	for (i = 0; i < PIPE_SLOTS; i++)
		CHECK(pipe_ring_fill(&r, out_buf, PIPE_PAGE - 1, false) ==
		    PIPE_PAGE - 1);
	CHECK(pipe_ring_merge(&r, out_buf, 2) == 0);
	CHECK(pipe_ring_merge(&r, out_buf, 1) == 1);
	CHECK(pipe_ring_bytes(&r) == PIPE_SLOTS * PIPE_PAGE - PIPE_SLOTS + 1);
	pipe_ring_free(&r);
	CHECK(kstubs_pages_in_use() == 0);
}

/* Out of pages: a write takes what it got pages for. */
static void no_memory(void)
{
	struct pipe_ring r;

	memset(&r, 0, sizeof(r));
	kstubs_page_limit(2);
	CHECK(pipe_ring_fill(&r, out_buf, 3 * PIPE_PAGE, false) ==
	    2 * PIPE_PAGE);
	CHECK(pipe_ring_fill(&r, out_buf, 1, false) == -ENOMEM);
	kstubs_page_limit(-1);
	pipe_ring_free(&r);
	CHECK(kstubs_pages_in_use() == 0);
}

/*
 * Random runs against a Linux pipe, in byte-stream and packet mode, then
 * capacity and running out of pages.
 */
int main(void)
{
	run(false, 20000);
	run(true, 20000);
	capacity();
	no_memory();
	return check_report("pipe_ring");
}
