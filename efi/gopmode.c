/*
 * GOP mode choice (see efi/gopmode.h).
 */
#include "efi/gopmode.h"

static uint64_t area(const struct gop_size *m)
{
	return (uint64_t)m->width * m->height;
}

/* Picks the mode index; see efi/gopmode.h. */
int gop_pick_mode(const struct gop_size *modes, int n, uint32_t want_w,
    uint32_t want_h)
{
	int i, fit = -1, smallest = -1;

	for (i = 0; i < n; i++) {
		if (!modes[i].usable)
			continue;
		if (modes[i].width == want_w && modes[i].height == want_h)
			return i;
		if (modes[i].width <= want_w && modes[i].height <= want_h &&
		    (fit < 0 || area(&modes[i]) > area(&modes[fit])))
			fit = i;
		if (smallest < 0 || area(&modes[i]) < area(&modes[smallest]))
			smallest = i;
	}
	return fit >= 0 ? fit : smallest;
}
