/*
 * The console terminal (see soil/tty.h).  The drivers queue input bytes
 * (kernel/input.h) from their interrupts and idle pollers; the
 * terminal's own poller, registered after theirs, runs the line
 * discipline over them, so typing is echoed while the program sleeps or
 * waits, as on Linux.  Blocking reads wait in the idle loop.
 */
#include <asm-generic/errno.h>
#include <asm-generic/ioctls.h>
#include <asm-generic/termios.h>
#include "drivers/i8042.h"
#include "drivers/serial.h"
#include "kernel/console.h"
#include "kernel/idle.h"
#include "kernel/input.h"
#include "kernel/kmalloc.h"
#include "kernel/string.h"
#include "soil/clock.h"
#include "soil/ldisc.h"
#include "soil/proc.h"
#include "soil/signal.h"
#include "soil/timeout.h"
#include "soil/tty.h"
#include "soil/user.h"
#include "soil/wait.h"

/* How often waits wake up to poll input devices that have no IRQ. */
#define POLL_SLICE_MS	10

static struct ldisc *ld;
static bool polled_only;	/* a device is read by its poller alone */

/* The line discipline's echo goes to the screen and COM1. */
static void echo(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	console_write(s, n);
}

/* The terminal's signals go to the process (its process group). */
static void raise_signal(void *ctx, int sig)
{
	(void)ctx;
	sys_kill(0, sig);
}

/* The idle poller: the line discipline takes what the devices queued. */
static void take_input(void)
{
	char buf[64];
	size_t n, i;

	while ((n = input_pop(buf, sizeof(buf))))
		for (i = 0; i < n; i++)
			ldisc_receive(ld, buf[i]);
}

/* soil_wait's test: *want bytes are ready. */
static bool enough(void *want)
{
	return ldisc_available(ld) >= *(size_t *)want;
}

/*
 * Waits until want bytes are ready (1), deadline passes (0) or a signal
 * interrupts (-EINTR).  With a device that cannot interrupt, in slices
 * that let the pollers run.
 */
static int wait_for(size_t want, uint64_t deadline)
{
	uint64_t slice;
	int r;

	if (!polled_only)
		return soil_wait(deadline, enough, &want);
	do {
		slice = timeout_ms(POLL_SLICE_MS, soil_uptime_ns());
		r = soil_wait(slice < deadline ? slice : deadline, enough,
		    &want);
	} while (!r && slice < deadline);
	return r;
}

/* The deadline VTIME tenths of a second from now. */
static uint64_t vtime_deadline(void)
{
	return timeout_ms(100l * ld->tio.c_cc[VTIME], soil_uptime_ns());
}

/*
 * Non-canonical waiting, as termios(3) has it: VMIN bytes (at most n);
 * with VTIME too, VTIME is the longest gap between bytes once the first
 * came; with VTIME alone, the longest wait for one byte; with neither,
 * no wait.  Returns -EINTR when a signal ended the wait, else 0 or 1
 * (the read takes what is there either way).
 */
static int wait_raw(size_t n)
{
	size_t want = ld->tio.c_cc[VMIN];
	int r;

	if (want > n)
		want = n;
	if (!ld->tio.c_cc[VTIME])
		return want ? wait_for(want, TIMEOUT_FOREVER) : 0;
	if (!want)
		return wait_for(1, vtime_deadline());
	if ((r = wait_for(1, TIMEOUT_FOREVER)) < 0)
		return r;
	/* Each new byte starts the gap again. */
	while (ldisc_available(ld) < want &&
	    (r = wait_for(ldisc_available(ld) + 1, vtime_deadline())) > 0)
		;
	return r;
}

/* read(2) on the terminal; see soil/tty.h. */
long tty_read(void *buf, size_t n, bool nonblock)
{
	int r;

	if (!n)
		return 0;
	idle_poll();
	if (nonblock)
		r = ldisc_available(ld) ? 1 : -EAGAIN;
	else if (ld->tio.c_lflag & ICANON)
		r = wait_for(1, TIMEOUT_FOREVER);
	else
		r = wait_raw(n);
	/* What is there is read even when a signal came. */
	if (r < 0 && !ldisc_available(ld))
		return r;
	return (long)ldisc_read(ld, buf, n);
}

/* write(2) on the terminal; see soil/tty.h. */
long tty_write(const void *buf, size_t n)
{
	console_write(buf, n);
	ldisc_wrote(ld, buf, n);
	return (long)n;
}

/* Drops input not read yet, what the devices hold included. */
static void flush_input(void)
{
	idle_poll();
	ldisc_flush(ld);
}

/* TCSETS*: new settings, after dropping the input for TCSETSF. */
static long set_termios(unsigned int cmd, const struct termios *t)
{
	struct termios copy;

	if (!user_ok(t, sizeof(*t)))
		return -EFAULT;
	copy = *t;
	if (cmd == TCSETSF)
		flush_input();
	ldisc_set(ld, &copy);
	return 0;
}

/* TIOCGWINSZ: the console's size in cells (80x24 on serial alone). */
static long get_winsize(struct winsize *ws)
{
	unsigned cols, rows;

	if (!user_ok(ws, sizeof(*ws)))
		return -EFAULT;
	console_size(&cols, &rows);
	ws->ws_col = (unsigned short)(cols ? cols : 80);
	ws->ws_row = (unsigned short)(rows ? rows : 24);
	ws->ws_xpixel = 0;
	ws->ws_ypixel = 0;
	return 0;
}

/* Stores an int result at p. */
static long put_int(int *p, int v)
{
	if (!user_ok(p, sizeof(*p)))
		return -EFAULT;
	*p = v;
	return 0;
}

/* ioctl(2) on the terminal; see soil/tty.h. */
long tty_ioctl(unsigned int cmd, unsigned long arg)
{
	void *p = (void *)(uintptr_t)arg;

	switch (cmd) {
	case TCGETS:
		if (!user_ok(p, sizeof(struct termios)))
			return -EFAULT;
		memcpy(p, &ld->tio, sizeof(struct termios));
		return 0;
	case TCSETS:
	case TCSETSW:	/* output is written at once: nothing to drain */
	case TCSETSF:
		return set_termios(cmd, p);
	case TIOCGWINSZ:
		return get_winsize(p);
	case FIONREAD:
		idle_poll();
		return put_int(p, (int)ldisc_available(ld));
	case TCFLSH:
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)
			flush_input();
		return 0;
	case TCSBRK:
	case TCSBRKP:
	case TCXONC:		/* no line to break, output never stops */
		return 0;
	case TIOCGPGRP:
		return put_int(p, (int)sys_getpid());
	default:
		return -ENOTTY;
	}
}

/* Whether a read would not wait; see soil/tty.h. */
bool tty_readable(void)
{
	return ldisc_readable(ld);
}

/* Starts the terminal; see soil/tty.h. */
int tty_init(void)
{
	ld = kmalloc(sizeof(*ld));
	if (!ld)
		return -ENOMEM;
	ldisc_init(ld, echo, raise_signal, NULL);
	polled_only = i8042_init() == 1;
	if (serial_console_input() == 1)
		polled_only = true;
	idle_add_poller(take_input);
	return 0;
}
