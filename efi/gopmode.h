/*
 * Which GOP mode to use: the pure decision, apart from the firmware calls.
 */
#ifndef EFI_GOPMODE_H
#define EFI_GOPMODE_H

#include <stdint.h>

struct gop_size {
	uint32_t width;
	uint32_t height;
	int usable;		/* a 32-bit linear framebuffer format */
};

/* The mode chosen when the command line does not ask for one. */
#define GOP_DEFAULT_MAX_WIDTH	1920
#define GOP_DEFAULT_MAX_HEIGHT	1080

/*
 * Picks a mode among n: the usable mode exactly want_w x want_h if there is
 * one; otherwise the largest usable mode (by area) that fits within
 * want_w x want_h; otherwise the smallest usable mode.  Returns its index,
 * or -1 when no mode is usable.
 */
int gop_pick_mode(const struct gop_size *modes, int n, uint32_t want_w,
    uint32_t want_h);

#endif
