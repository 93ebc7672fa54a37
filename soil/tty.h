/*
 * The console as a terminal: the keyboard and COM1 as its input, the
 * screen and COM1 as its output, a line discipline (soil/ldisc.h) in
 * between with Linux's termios ioctls.  Standard streams in console mode
 * (soil/console.c) read, write and ioctl through it.
 */
#ifndef SOIL_TTY_H
#define SOIL_TTY_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Starts the terminal: the PS/2 keyboard, COM1's receiver, the line
 * discipline with Linux's default settings.  Returns 0, or -ENOMEM.
 */
int tty_init(void);

/*
 * read(2) on the terminal, by termios rules: in canonical mode one line
 * (0 at end of file), otherwise per VMIN and VTIME.  nonblock: -EAGAIN
 * instead of waiting.  -EINTR when a signal (INTR, QUIT) came while it
 * waited and nothing is there to read.
 */
long tty_read(void *buf, size_t n, bool nonblock);

/* write(2) on the terminal: to the console; returns n. */
long tty_write(const void *buf, size_t n);

/*
 * ioctl(2) on the terminal: TCGETS, TCSETS, TCSETSW, TCSETSF,
 * TIOCGWINSZ (the console's size in cells), FIONREAD, TCFLSH, TCSBRK,
 * TCSBRKP, TCXONC, TIOCGPGRP.  Others: -ENOTTY.
 */
long tty_ioctl(unsigned int cmd, unsigned long arg);

/*
 * Whether a read would return without waiting, for poll and select: as
 * of the input the idle pollers took last (every wait runs them).
 */
bool tty_readable(void);

#endif
