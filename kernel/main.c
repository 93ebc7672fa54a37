/*
 * kernel_main: brings the machine up after ExitBootServices, in an order
 * where each step has what it needs, then prints the banner.
 */
#include "drivers/acpi.h"
#include "drivers/irq.h"
#include "drivers/power.h"
#include "drivers/tsc.h"
#include "efi/bootinfo.h"
#include "kernel/backtrace.h"
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/crash.h"
#include "kernel/gdt.h"
#include "kernel/kprintf.h"
#include "kernel/memory.h"
#include "kernel/options.h"
#include "kernel/paging.h"
#include "kernel/trap.h"
#include "runtime/start.h"

static const char *const format_names[] = { "RGBX", "BGRX" };

/* Reads the CPU's brand string, trimmed of leading spaces. */
static const char *cpu_brand(char buf[49])
{
	uint32_t r[4];
	int i;
	char *p = buf;

	cpuid(0x80000000, 0, r);
	if (r[0] < 0x80000004)
		return "unknown CPU";
	for (i = 0; i < 3; i++)
		cpuid(0x80000002 + i, 0, (uint32_t *)(void *)(buf + 16 * i));
	buf[48] = '\0';
	while (*p == ' ')
		p++;
	return p;
}

/* The banner's second half: what the machine is, once it is known. */
static void print_summary(const struct bootinfo *bi)
{
	char brand[49];
	unsigned cols, rows;
	uint64_t boot_us;

	kprintf("memory: %lu MiB RAM, %lu MiB free\n",
	    memory_total_pages() / 256, memory_free_pages() / 256);
	console_size(&cols, &rows);
	if (bi->fb.base)
		kprintf("framebuffer: %ux%u %s, %ux%u text cells (%u modes)\n",
		    bi->fb.width, bi->fb.height, format_names[bi->fb.format],
		    cols, rows, bi->gop_modes);
	else
		kprintf("framebuffer: none (serial console only)\n");
	kprintf("cpu: %s, TSC %lu MHz\n", cpu_brand(brand),
	    tsc_hz() / 1000000);
	if (bi->time.valid)
		kprintf("time: %04u-%02u-%02u %02u:%02u:%02u (firmware "
		    "clock)\n", bi->time.year, bi->time.month, bi->time.day,
		    bi->time.hour, bi->time.minute, bi->time.second);
	boot_us = tsc_ns(rdtsc() - bi->tsc_at_entry) / 1000;
	kprintf("boot: %lu.%03lu ms from efi_main to the end of this banner\n",
	    boot_us / 1000, boot_us % 1000);
}

/* The kernel's entry, on its own stack, interrupts off. */
void kernel_main(struct bootinfo *bi)
{
	struct options opt;

	console_init_serial();
	kprintf("hi from Terrarium " TERRARIUM_VERSION "\n");
	backtrace_add_stack(bi->stack_bottom, bi->stack_top);
	memory_init(bi);
	paging_init(bi);
	gdt_init();
	idt_init();
	memory_reclaim_boot_services(bi);
	console_init_fb(&bi->fb);
	options_parse((char *)bi->cmdline, &opt);
	acpi_init(bi->rsdp);
	tsc_calibrate();
	irq_init();
	print_summary(bi);

	crash_on_purpose(opt.crash);
	switch (opt.after) {
	case AFTER_POWEROFF:
		kprintf("powering off\n");
		power_off(0);
	case AFTER_REBOOT:
		kprintf("rebooting\n");
		power_reset();
	case AFTER_HALT:
		break;
	}
	if (program_start)
		program_start(bi, &opt);
	kprintf("no program in this image: idle. "
	    "Power off the machine or quit QEMU to end.\n");
	cpu_halt_forever();
}
