/*
 * The kernel console fans every byte out to the serial port and the
 * framebuffer console.  Output written before the framebuffer is up is
 * kept and replayed onto it, so the screen and the serial log show the
 * same bytes from the first line on (the boot tests rely on that).
 */
#include <stdint.h>
#include "drivers/fbcon.h"
#include "drivers/serial.h"
#include "efi/bootinfo.h"
#include "kernel/console.h"
#include "kernel/kprintf.h"
#include "kernel/memory.h"
#include "kernel/pmem.h"
#include "kernel/string.h"

static struct fbcon fb_console;
static int fb_up;
static char early[4096];
static size_t early_len;

/* Brings up COM1; the console writes to it from now on. */
void console_init_serial(void)
{
	serial_init();
}

/* Starts the framebuffer console and replays what was printed before. */
int console_init_fb(const struct framebuffer *fb)
{
	size_t ncells;
	uint64_t pages;
	uint32_t *cells;
	int err;

	if (!fb->base) {
		kprintf("console: no framebuffer, serial only\n");
		return -1;
	}
	if (!fb->width || !fb->height || fb->stride < fb->width ||
	    (uint64_t)fb->stride * fb->height * 4 > fb->size) {
		kprintf("console: GOP mode %ux%u (stride %u) does not fit its "
		    "%lu-byte framebuffer; serial only\n", fb->width,
		    fb->height, fb->stride, fb->size);
		return -1;
	}
	ncells = fbcon_cells(fb->width, fb->height);
	pages = (ncells * sizeof(*cells) + PAGE_SIZE - 1) / PAGE_SIZE;
	cells = page_alloc(pages);
	if (!cells) {
		kprintf("console: no memory for %zu text cells\n", ncells);
		return -1;
	}
	err = fbcon_init(&fb_console, (void *)(uintptr_t)fb->base, fb->width,
	    fb->height, fb->stride, fb->format, cells, ncells, fb->is_black);
	if (err < 0) {
		kprintf("console: framebuffer %ux%u: %s\n", fb->width,
		    fb->height, fbcon_strerror(err));
		page_free(cells, pages);
		return -1;
	}
	fb_up = 1;
	fbcon_write(&fb_console, early, early_len);
	if (early_len == sizeof(early))
		kprintf("console: early output was longer than %zu bytes; "
		    "the screen misses part of it\n", sizeof(early));
	return 0;
}

/* Writes n bytes to every console. */
void console_write(const char *s, size_t n)
{
	size_t room;

	/*
	 * The screen first: a line seen on serial is then already drawn,
	 * which lets tests take a screenshot on a serial cue.
	 */
	if (fb_up) {
		fbcon_write(&fb_console, s, n);
		serial_write(s, n);
		return;
	}
	serial_write(s, n);
	room = sizeof(early) - early_len;
	if (n > room)
		n = room;
	memcpy(early + early_len, s, n);
	early_len += n;
}

/* Stops drawing on the screen: output goes to serial only from now on. */
void console_serial_only(void)
{
	fb_up = 0;
	early_len = sizeof(early);	/* and keep nothing for a replay */
}

/* Size of the framebuffer console in cells; 0x0 when there is none. */
void console_size(unsigned *cols, unsigned *rows)
{
	*cols = fb_up ? fbcon_cols(&fb_console) : 0;
	*rows = fb_up ? fbcon_rows(&fb_console) : 0;
}
