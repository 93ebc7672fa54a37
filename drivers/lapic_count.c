/*
 * One-shot settings of the local APIC timer (see drivers/lapic_count.h).
 */
#include "drivers/lapic_count.h"
#include "drivers/tsc.h"

#define MAX_SHIFT	7	/* divide by 128 */

/*
 * The divide configuration register's code for dividing the bus clock by
 * 2^shift.
 */
uint32_t lapic_divide_code(unsigned shift)
{
	/*
	 * Bits 0, 1 and 3 hold the divisor: 0b000 is 2, ..., 0b110 is 128 and
	 * 0b111 is 1 (Intel SDM vol. 3, figure 11-10); bit 2 is reserved.
	 */
	unsigned v;

	v = (shift + 7) & 7;
	return (v & 3) | (v & 4) << 1;
}

/*
 * Picks the smallest divider whose count for delay_tsc fits the 32-bit
 * initial count (see drivers/lapic_count.h).
 */
void lapic_count_for(uint64_t delay_tsc, uint64_t early_tsc, uint64_t tsc_hz,
    uint64_t timer_hz, struct lapic_count *c)
{
	uint64_t ticks, n;
	unsigned shift;

	if (delay_tsc > LAPIC_DELAY_MAX)
		delay_tsc = LAPIC_DELAY_MAX;
	if (delay_tsc > early_tsc)
		delay_tsc -= delay_tsc / 16;
	ticks = muldiv64(delay_tsc, timer_hz, tsc_hz);
	for (shift = 0; shift <= MAX_SHIFT; shift++) {
		/* One more tick for what the divisions dropped. */
		n = (ticks >> shift) + 1;
		if (n <= UINT32_MAX) {
			c->divide = lapic_divide_code(shift);
			c->initial = (uint32_t)n;
			return;
		}
	}
	c->divide = lapic_divide_code(MAX_SHIFT);
	c->initial = UINT32_MAX;
}
