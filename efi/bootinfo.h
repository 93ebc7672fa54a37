/*
 * What the UEFI stage hands to the kernel after ExitBootServices.
 *
 * Everything here lives in memory the firmware gave us as loader data, so it
 * survives the exit.  Only plain types: the kernel never sees an EFI header.
 */
#ifndef EFI_BOOTINFO_H
#define EFI_BOOTINFO_H

#include <stdint.h>

enum mem_type {
	MEM_USABLE,		/* free RAM */
	MEM_BOOT_SERVICES,	/* firmware boot-time RAM, free once ours */
	MEM_LOADER,		/* our image and our boot-time allocations */
	MEM_ACPI_RECLAIM,	/* ACPI tables: RAM, kept while we read them */
	MEM_FIRMWARE,		/* runtime services, ACPI NVS, reserved */
	MEM_MMIO,		/* device memory */
	MEM_UNUSABLE,		/* bad RAM */
};

struct mem_range {
	uint64_t base;		/* physical address, page aligned */
	uint64_t pages;		/* 4 KiB pages */
	uint32_t type;		/* enum mem_type */
	uint32_t pad;
};

enum pixel_format {
	PIXEL_RGBX,		/* byte 0 red, 1 green, 2 blue */
	PIXEL_BGRX,		/* byte 0 blue, 1 green, 2 red */
};

struct framebuffer {
	uint64_t base;		/* physical address; 0 when there is no GOP */
	uint64_t size;		/* bytes */
	uint32_t width;		/* pixels */
	uint32_t height;
	uint32_t stride;	/* pixels per scan line */
	uint32_t format;	/* enum pixel_format */
	uint32_t is_black;	/* the firmware cleared it to black (SetMode) */
	uint32_t pad;
};

struct wall_time {
	uint16_t year;
	uint8_t month, day, hour, minute, second;
	uint8_t valid;		/* 0: the firmware clock could not be read */
	int16_t utc_offset;	/* minutes, or 0x7ff: not known */
};

struct bootinfo {
	uint64_t tsc_at_entry;	/* rdtsc on the first line of efi_main */
	uint64_t image_base;	/* where the firmware loaded us */
	uint64_t image_size;
	uint64_t rsdp;		/* ACPI RSDP physical address, or 0 */
	const char *cmdline;	/* UTF-8, NUL-terminated, never NULL */
	struct mem_range *mem;	/* by base; adjacent ranges of a type merged */
	uint32_t mem_count;
	uint32_t gop_modes;	/* how many modes the GOP offered */
	struct framebuffer fb;
	struct wall_time time;
	uint64_t stack_top;	/* the kernel stack efi_main switched to */
	uint64_t stack_bottom;	/* lowest usable byte, above the guard page */
};

/* Entered on the kernel stack with interrupts off; never returns. */
void kernel_main(struct bootinfo *bi) __attribute__((noreturn));

#endif
