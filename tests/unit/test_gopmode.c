/* GOP mode choice. */
#include "efi/gopmode.h"
#include "tests/unit/check.h"

int main(void)
{
	const struct gop_size modes[] = {
		{ 640, 480, 1 }, { 800, 600, 1 }, { 1024, 768, 1 },
		{ 1280, 1024, 1 }, { 1920, 1080, 1 }, { 2560, 1600, 1 },
		{ 1600, 900, 0 },
	};
	const struct gop_size big_only[] = { { 2560, 1600, 1 }, { 3840, 2160, 1 } };
	const struct gop_size none[] = { { 800, 600, 0 } };

	CHECK(gop_pick_mode(modes, 7, GOP_DEFAULT_MAX_WIDTH,
	    GOP_DEFAULT_MAX_HEIGHT) == 4);
	CHECK(gop_pick_mode(modes, 7, 1024, 768) == 2);
	CHECK(gop_pick_mode(modes, 7, 1100, 800) == 2);
	/* 1600x900 exists but is not a usable format: the best fit wins. */
	CHECK(gop_pick_mode(modes, 7, 1600, 900) == 2);
	CHECK(gop_pick_mode(modes, 7, 100, 100) == 0);
	CHECK(gop_pick_mode(big_only, 2, 1920, 1080) == 0);
	CHECK(gop_pick_mode(none, 1, 800, 600) == -1);
	CHECK(gop_pick_mode(modes, 0, 800, 600) == -1);
	return check_report("gopmode");
}
