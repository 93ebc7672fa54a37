/*
 * The kernel console: every byte goes to the serial port and, once it is
 * up, to the framebuffer console.
 */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <stddef.h>

struct framebuffer;

void console_init_serial(void);
/* Returns 0, or -1 (and says why on serial) when fb cannot hold a console. */
int console_init_fb(const struct framebuffer *fb);
void console_write(const char *s, size_t n);
/*
 * Stops drawing on the screen: output goes to serial only from now on.
 * For a fault inside the console itself.
 */
void console_serial_only(void);
/* Size of the framebuffer console in cells; 0x0 when there is none. */
void console_size(unsigned *cols, unsigned *rows);

#endif
