/*
 * Frame-pointer backtraces (see kernel/backtrace.h).  A frame is followed
 * only while its pointer lies inside a known stack, so a corrupt chain
 * ends the trace instead of faulting inside the crash report.
 */
#include "kernel/backtrace.h"
#include "kernel/kprintf.h"
#include "kernel/ksyms.h"

#define MAX_STACKS	8
#define MAX_FRAMES	32
#define MAX_STEPS	100000

static struct {
	uint64_t bottom, top;
} stacks[MAX_STACKS];
static int nstacks;

/* Makes [bottom, top) a stack the backtrace may follow. */
void backtrace_add_stack(uint64_t bottom, uint64_t top)
{
	if (nstacks < MAX_STACKS) {
		stacks[nstacks].bottom = bottom;
		stacks[nstacks].top = top;
		nstacks++;
	}
}

/* Whether a 16-byte frame record at fp lies inside one known stack. */
static int frame_ok(uint64_t fp)
{
	int i;

	if (fp & 7)
		return 0;
	for (i = 0; i < nstacks; i++)
		if (fp >= stacks[i].bottom && fp + 16 <= stacks[i].top)
			return 1;
	return 0;
}

static void print_frame(int n, uint64_t pc)
{
	uint64_t off;
	const char *name = ksym_lookup(pc, &off);

	if (name)
		kprintf("  #%-2d %p %s+0x%lx\n", n, (void *)pc, name, off);
	else
		kprintf("  #%-2d %p ?\n", n, (void *)pc);
}

/*
 * Prints the function at rip, then its callers found through rbp.  Runs
 * of the same return address (deep recursion) are printed once, with a
 * count, so the frames below them stay visible.
 */
void backtrace_print(uint64_t rip, uint64_t rbp)
{
	const uint64_t *frame;
	uint64_t pc, last = 0;
	int n = 1, repeats = 0, steps;

	kprintf("backtrace:\n");
	print_frame(0, rip);
	for (steps = 0; steps < MAX_STEPS && frame_ok(rbp); steps++) {
		frame = (const uint64_t *)(uintptr_t)rbp;
		if (!frame[1])
			break;
		/* A return address points after the call: name the call. */
		pc = frame[1] - 1;
		if (pc == last) {
			repeats++;
		} else {
			if (repeats)
				kprintf("      ... the frame above %d more times\n",
				    repeats);
			repeats = 0;
			if (n == MAX_FRAMES)
				break;
			print_frame(n++, pc);
			last = pc;
		}
		if (frame[0] <= rbp)
			break;
		rbp = frame[0];
	}
	if (repeats)
		kprintf("      ... the frame above %d more times\n", repeats);
}
