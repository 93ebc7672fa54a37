/*
 * The standard streams as files (see soil/console.h).  On the console
 * they are a terminal: TIOCGWINSZ answers with the screen's size in cells,
 * which is also how musl's isatty decides.  On COM2/COM3 they are not,
 * like a pipe or a file that a test compares.
 */
#include <asm-generic/errno.h>
#include <asm-generic/ioctls.h>
#include <asm-generic/termios.h>
#include <linux/fcntl.h>
#include "kernel/console.h"
#include "kernel/kprintf.h"
#include "soil/console.h"
#include "soil/file.h"
#include "soil/stdio.h"
#include "soil/user.h"

static bool is_terminal;

static long stdin_read(struct file *f, void *buf, size_t n)
{
	(void)f;
	return stdio_read(buf, n);
}

static long stdout_write(struct file *f, const void *buf, size_t n)
{
	(void)f;
	return stdio_write(STDIO_OUT, buf, n);
}

static long stderr_write(struct file *f, const void *buf, size_t n)
{
	(void)f;
	return stdio_write(STDIO_ERR, buf, n);
}

static long stdio_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct winsize *ws = (struct winsize *)(uintptr_t)arg;
	unsigned cols, rows;

	(void)f;
	if (!is_terminal || cmd != TIOCGWINSZ)
		return -ENOTTY;
	if (!user_ok(ws, sizeof(*ws)))
		return -EFAULT;
	console_size(&cols, &rows);
	ws->ws_col = (unsigned short)(cols ? cols : 80);
	ws->ws_row = (unsigned short)(rows ? rows : 24);
	ws->ws_xpixel = 0;
	ws->ws_ypixel = 0;
	return 0;
}

static const struct file_ops stdin_ops = {
	.read = stdin_read,
	.ioctl = stdio_ioctl,
};

static const struct file_ops stdout_ops = {
	.write = stdout_write,
	.ioctl = stdio_ioctl,
};

static const struct file_ops stderr_ops = {
	.write = stderr_write,
	.ioctl = stdio_ioctl,
};

/* Opens one stream at fd. */
static int open_stream(int fd, const struct file_ops *ops, uint32_t flags)
{
	struct file *f = file_new(ops, NULL, flags);
	int err;

	if (!f)
		return -ENOMEM;
	err = fd_install_at(fd, f);
	if (err < 0)
		file_put(f);
	return err;
}

/* Opens fds 0, 1 and 2; see soil/console.h. */
int console_fds_init(bool ports)
{
	int err;

	stdio_init(ports);
	is_terminal = !ports;
	if ((err = open_stream(0, &stdin_ops, O_RDONLY)) < 0 ||
	    (err = open_stream(1, &stdout_ops, O_WRONLY)) < 0 ||
	    (err = open_stream(2, &stderr_ops, O_WRONLY)) < 0) {
		kprintf("console: cannot open the standard streams (%d)\n", err);
		return err;
	}
	return 0;
}
