/*
 * The standard streams as files (see soil/console.h).  On the console
 * they are a terminal (soil/tty.h): line editing, termios, TIOCGWINSZ,
 * which is also how musl's isatty decides.  On COM2/COM3 they are not,
 * like a pipe or a file that a test compares.
 */
#include <asm-generic/errno.h>
#include <asm-generic/poll.h>
#include <linux/fcntl.h>
#include "kernel/kprintf.h"
#include "soil/console.h"
#include "soil/file.h"
#include "soil/stdio.h"
#include "soil/tty.h"

static bool is_terminal;

/* fd 0: the terminal, or COM2. */
static long stdin_read(struct file *f, void *buf, size_t n)
{
	if (is_terminal)
		return tty_read(buf, n, f->flags & O_NONBLOCK);
	return stdio_read(buf, n);
}

/* fd 1: the console, or COM2. */
static long stdout_write(struct file *f, const void *buf, size_t n)
{
	(void)f;
	if (is_terminal)
		return tty_write(buf, n);
	return stdio_write(STDIO_OUT, buf, n);
}

/* fd 2: the console, or COM3. */
static long stderr_write(struct file *f, const void *buf, size_t n)
{
	(void)f;
	if (is_terminal)
		return tty_write(buf, n);
	return stdio_write(STDIO_ERR, buf, n);
}

/* Terminal ioctls on the console; none on COM2/COM3. */
static long stdio_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	(void)f;
	if (!is_terminal)
		return -ENOTTY;
	return tty_ioctl(cmd, arg);
}

/*
 * The terminal is readable by its termios rules, COM2 once data or its
 * end waits.
 */
static unsigned stdin_poll(struct file *f)
{
	(void)f;
	return (is_terminal ? tty_readable() : stdio_readable()) ?
	    POLLIN | POLLRDNORM : 0;
}

/* Output is written at once: always writable. */
static unsigned stdout_poll(struct file *f)
{
	(void)f;
	return POLLOUT | POLLWRNORM;
}

static const struct file_ops stdin_ops = {
	.read = stdin_read,
	.ioctl = stdio_ioctl,
	.poll = stdin_poll,
};

static const struct file_ops stdout_ops = {
	.write = stdout_write,
	.ioctl = stdio_ioctl,
	.poll = stdout_poll,
};

static const struct file_ops stderr_ops = {
	.write = stderr_write,
	.ioctl = stdio_ioctl,
	.poll = stdout_poll,
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
	if ((is_terminal && (err = tty_init()) < 0) ||
	    (err = open_stream(0, &stdin_ops, O_RDONLY)) < 0 ||
	    (err = open_stream(1, &stdout_ops, O_WRONLY)) < 0 ||
	    (err = open_stream(2, &stderr_ops, O_WRONLY)) < 0) {
		kprintf("console: cannot open the standard streams (%d)\n",
		    err);
		return err;
	}
	return 0;
}
