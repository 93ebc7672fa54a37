/*
 * The local APIC timer, the idle loop's alarm clock (see drivers/lapic.h).
 * TSC-deadline mode interrupts when the TSC reaches the value written to
 * an MSR: nothing to convert or measure.  Without it, one-shot mode counts
 * down from an initial count at the APIC's input clock divided by 1-128, a
 * rate measured here against the TSC.  Either mode must fire once before
 * it is trusted: a timer that never fires would make every sleep a hang.
 */
#include "drivers/lapic.h"
#include "drivers/lapic_count.h"
#include "drivers/tsc.h"
#include "kernel/cpu.h"
#include "kernel/kprintf.h"

#define MSR_TSC_DEADLINE	0x6e0
#define CPUID_1_ECX_TSC_DEADLINE (1u << 24)
#define US_PER_S		1000000ull

/* Three runs of 1 ms, the median kept, as for the TSC itself. */
#define RUNS			3
#define RUN_US			1000
/* Input clocks outside this range are measurement failures. */
#define TIMER_HZ_MIN		1000000ull
#define TIMER_HZ_MAX		1500000000ull
/*
 * The test interrupt: armed this far ahead, looked for this often and
 * waited for this long.  Under emulation the timer is run by another host
 * thread, which a loaded host may keep waiting for tens of milliseconds,
 * and which each register read holds up (QEMU takes its big lock for it):
 * hence few reads and a generous limit, which a working timer never costs.
 */
#define TEST_US			20
#define TEST_POLL_US		50
#define TEST_LIMIT_US		250000
/* One-shot delays longer than this are aimed short (drivers/lapic_count.h). */
#define EARLY_US		1000

enum mode { TIMER_NONE, TIMER_DEADLINE, TIMER_ONESHOT };

static enum mode mode;
static uint64_t timer_hz;	/* one-shot: the input clock, undivided */
static uint64_t early_tsc;	/* one-shot: EARLY_US in TSC ticks */
static uint32_t divide;		/* one-shot: the divide register's value */

/* Converts microseconds to TSC ticks. */
static uint64_t us_to_tsc(uint64_t us)
{
	return muldiv64(us, tsc_hz(), US_PER_S);
}

/* Arms the timer; see drivers/lapic.h. */
bool lapic_timer_arm(uint64_t deadline_tsc)
{
	struct lapic_count c;
	uint64_t now;

	switch (mode) {
	case TIMER_DEADLINE:
		/* 0 would disarm it; a deadline passed fires at once. */
		wrmsr(MSR_TSC_DEADLINE, deadline_tsc != 0 ? deadline_tsc : 1);
		return true;
	case TIMER_ONESHOT:
		now = rdtsc();
		lapic_count_for(deadline_tsc > now ? deadline_tsc - now : 0,
		    early_tsc, tsc_hz(), timer_hz, &c);
		if (c.divide != divide) {
			lapic_write(LAPIC_TIMER_DIVIDE, c.divide);
			divide = c.divide;
		}
		lapic_write(LAPIC_TIMER_INITIAL, c.initial);
		return true;
	case TIMER_NONE:
		break;
	}
	return false;
}

/* Disarms the timer. */
void lapic_timer_stop(void)
{
	switch (mode) {
	case TIMER_DEADLINE:
		wrmsr(MSR_TSC_DEADLINE, 0);
		break;
	case TIMER_ONESHOT:
		lapic_write(LAPIC_TIMER_INITIAL, 0);
		break;
	case TIMER_NONE:
		break;
	}
}

/*
 * Counts the timer's input clock (divided by 1, masked) over about RUN_US
 * of TSC time.  Returns its rate in Hz, or 0 when it did not count.
 */
static uint64_t run(void)
{
	uint64_t t0, t1;
	uint32_t left;

	t0 = rdtsc();
	lapic_write(LAPIC_TIMER_INITIAL, UINT32_MAX);
	tsc_delay_us(RUN_US);
	left = lapic_read(LAPIC_TIMER_CURRENT);
	t1 = rdtsc();
	lapic_write(LAPIC_TIMER_INITIAL, 0);
	if (left == 0 || left == UINT32_MAX)
		return 0;
	return muldiv64(UINT32_MAX - left, tsc_hz(), t1 - t0);
}

/* Measures the input clock: the median of RUNS runs, or 0. */
static uint64_t measure(void)
{
	uint64_t r[RUNS], tmp;
	int i, j;

	lapic_write(LAPIC_LVT_TIMER, LAPIC_LVT_MASKED | LAPIC_TIMER_ONESHOT |
	    LAPIC_TIMER_VECTOR);
	divide = lapic_divide_code(0);
	lapic_write(LAPIC_TIMER_DIVIDE, divide);
	for (i = 0; i < RUNS; i++) {
		r[i] = run();
		if (r[i] < TIMER_HZ_MIN || r[i] > TIMER_HZ_MAX)
			return 0;
		for (j = i; j > 0 && r[j - 1] > r[j]; j--) {
			tmp = r[j];
			r[j] = r[j - 1];
			r[j - 1] = tmp;
		}
	}
	return r[RUNS / 2];
}

/*
 * Arms the timer TEST_US ahead and waits, interrupts off, for its vector
 * to become pending; then takes the interrupt (the handler ends it).
 * Returns whether it came within TEST_LIMIT_US.
 */
static bool fires(void)
{
	uint64_t start;

	start = rdtsc();
	lapic_timer_arm(start + us_to_tsc(TEST_US));
	while (!lapic_pending(LAPIC_TIMER_VECTOR)) {
		if (rdtsc() - start > us_to_tsc(TEST_LIMIT_US)) {
			lapic_timer_stop();
			return false;
		}
		tsc_delay_us(TEST_POLL_US);
	}
	/* Pending already, so the hlt ends as soon as it is taken. */
	__asm__ volatile("sti; hlt; cli" : : : "memory");
	return true;
}

/* Tries TSC-deadline mode.  Returns 0, or -1 when the CPU lacks it. */
static int try_deadline(void)
{
	uint32_t r[4];

	cpuid(1, 0, r);
	if (!(r[2] & CPUID_1_ECX_TSC_DEADLINE))
		return -1;
	lapic_write(LAPIC_LVT_TIMER, LAPIC_TIMER_TSC_DEADLINE |
	    LAPIC_TIMER_VECTOR);
	/* The SDM asks that the LVT write lands before the first MSR write. */
	__asm__ volatile("mfence" : : : "memory");
	mode = TIMER_DEADLINE;
	if (fires()) {
		kprintf("timer: local APIC in TSC-deadline mode\n");
		return 0;
	}
	kprintf("timer: the TSC-deadline timer did not fire; trying one-shot "
	    "mode\n");
	lapic_write(LAPIC_LVT_TIMER, LAPIC_LVT_MASKED | LAPIC_TIMER_VECTOR);
	mode = TIMER_NONE;
	return -1;
}

/* Starts the timer; see drivers/lapic.h. */
int lapic_timer_init(void)
{
	if (try_deadline() == 0)
		return 0;
	timer_hz = measure();
	if (timer_hz == 0) {
		kprintf("timer: the local APIC timer does not count: sleeps "
		    "poll the TSC\n");
		return -1;
	}
	early_tsc = us_to_tsc(EARLY_US);
	lapic_write(LAPIC_LVT_TIMER, LAPIC_TIMER_ONESHOT | LAPIC_TIMER_VECTOR);
	mode = TIMER_ONESHOT;
	if (!fires()) {
		kprintf("timer: the local APIC timer did not fire: sleeps poll "
		    "the TSC\n");
		lapic_write(LAPIC_LVT_TIMER, LAPIC_LVT_MASKED |
		    LAPIC_TIMER_VECTOR);
		mode = TIMER_NONE;
		return -1;
	}
	kprintf("timer: local APIC one-shot, input clock %lu.%03lu MHz "
	    "(no TSC-deadline mode)\n", timer_hz / 1000000,
	    timer_hz / 1000 % 1000);
	return 0;
}
