/*
 * efi_main: the UEFI stage.  It asks the firmware for what the kernel
 * needs (load options, a graphics mode, the memory map, ACPI, the time),
 * allocates the kernel stack, leaves boot services and jumps to
 * kernel_main on the new stack.  Nothing here runs after the exit.
 */
#include <efi.h>
#include "efi/bootinfo.h"
#include "efi/gopmode.h"
#include "efi/loadopt.h"
#include "efi/memmap.h"
#include "kernel/cmdline.h"
#include "kernel/cpu.h"
#include "kernel/string.h"

#define CMDLINE_MAX		4096
#define KERNEL_STACK_PAGES	16
/* Room for descriptors the allocations between GetMemoryMap calls add. */
#define MAP_SLACK_DESCS		16
#define GOP_MAX_MODES		128

void efi_enter_kernel(struct bootinfo *bi, uint64_t stack_top,
    void (*entry)(struct bootinfo *)) __attribute__((noreturn));

/* Called by gnu-efi's crt0 once the image has relocated itself. */
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab);

static struct bootinfo bi;
static EFI_SYSTEM_TABLE *st;

/* Prints an ASCII message on the firmware console (before the exit only). */
static void say(const char *msg)
{
	CHAR16 buf[160];
	int i;

	for (i = 0; msg[i] && i < 158; i++)
		buf[i] = (CHAR16)msg[i];
	buf[i] = 0;
	st->ConOut->OutputString(st->ConOut, buf);
}

/*
 * Pool memory of type loader data, which stays ours after ExitBootServices
 * (the memory map handed to the kernel lives there); NULL when there is
 * none.
 */
static void *alloc_pool(UINTN size)
{
	void *p;

	if (st->BootServices->AllocatePool(EfiLoaderData, size, &p) !=
	    EFI_SUCCESS)
		return NULL;
	return p;
}

/* Whether two GUIDs are the same, byte for byte. */
static int guid_eq(const EFI_GUID *a, const EFI_GUID *b)
{
	const unsigned char *x = (const void *)a, *y = (const void *)b;
	unsigned i;

	for (i = 0; i < sizeof(*a); i++)
		if (x[i] != y[i])
			return 0;
	return 1;
}

/*
 * The command line built into the image (terrarium build --cmdline), for
 * boots that pass none: firmware PXE and HTTP Boot, a boot entry or a USB
 * stick without options.  Every image link defines it ("" when none).
 */
extern const char terrarium_cmdline[];

/*
 * Whether line carries no options: nothing, or only the image's own path
 * (the UEFI shell and iPXE put it first).  Returns the length of that path
 * word in *path_len (0 when none).
 */
static int has_no_options(const char *line, size_t *path_len)
{
	char copy[CMDLINE_MAX], *words[2];
	size_t i;
	int n;

	for (i = 0; i < CMDLINE_MAX - 1 && line[i]; i++)
		copy[i] = line[i];
	copy[i] = '\0';
	n = cmdline_split(copy, words, 2);
	*path_len = n == 1 && cmdline_is_image_path(words[0]) ?
	    strlen(words[0]) : 0;
	return n == 0 || *path_len;
}

/*
 * Puts the built-in command line into line (CMDLINE_MAX bytes) when line
 * has no options, keeping an image path in front.
 */
static void add_default(char *line)
{
	size_t path_len, start, n = strlen(terrarium_cmdline);
	const char *p = line;

	if (!n || !has_no_options(line, &path_len))
		return;
	while (*p == ' ')
		p++;
	memmove(line, p, path_len);
	start = path_len ? path_len + 1 : 0;
	if (start + n >= CMDLINE_MAX) {
		say("terrarium: the built-in command line is too long; "
		    "ignored\r\n");
		return;
	}
	line[path_len] = ' ';
	memcpy(line + start, terrarium_cmdline, n + 1);
}

/*
 * Takes the image's load options as the UTF-8 command line, or the
 * built-in one; the kernel splits it in place, so it is a writable copy.
 */
static void read_cmdline(EFI_HANDLE image)
{
	EFI_GUID guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
	EFI_LOADED_IMAGE *li = NULL;
	char *line;

	bi.cmdline = "";
	line = alloc_pool(CMDLINE_MAX);
	if (!line)
		return;
	line[0] = '\0';
	if (st->BootServices->HandleProtocol(image, &guid, (void **)&li) ==
	    EFI_SUCCESS) {
		bi.image_base = (uint64_t)(uintptr_t)li->ImageBase;
		bi.image_size = li->ImageSize;
		if (li->LoadOptions && li->LoadOptionsSize &&
		    loadopt_to_utf8(li->LoadOptions, li->LoadOptionsSize, line,
		    CMDLINE_MAX) < 0) {
			say("terrarium: load options are not text; "
			    "ignored\r\n");
			line[0] = '\0';
		}
	}
	add_default(line);
	bi.cmdline = line;
}

/*
 * Finds video=WxH on the command line (0x0 for video=keep); keeps the
 * default when absent or unreadable.
 */
static void wanted_mode(uint32_t *w, uint32_t *h)
{
	char copy[CMDLINE_MAX], *words[64];
	const char *v;
	int i, n;

	*w = GOP_DEFAULT_MAX_WIDTH;
	*h = GOP_DEFAULT_MAX_HEIGHT;
	copy[CMDLINE_MAX - 1] = '\0';
	for (i = 0; i < CMDLINE_MAX - 1 && bi.cmdline[i]; i++)
		copy[i] = bi.cmdline[i];
	copy[i] = '\0';
	n = cmdline_split(copy, words, 64);
	for (i = 0; i < n && i < 64; i++) {
		v = cmdline_value(words[i], "video");
		if (v && !strcmp(v, "keep")) {
			*w = 0;
			*h = 0;
		} else if (v && cmdline_parse_size(v, w, h) < 0) {
			*w = GOP_DEFAULT_MAX_WIDTH;
			*h = GOP_DEFAULT_MAX_HEIGHT;
		}
	}
}

/*
 * Whether the framebuffer is 32-bit pixels the console can draw to: a
 * bitmask or blt-only mode gets no framebuffer.
 */
static int usable_format(EFI_GRAPHICS_PIXEL_FORMAT f)
{
	return f == PixelRedGreenBlueReserved8BitPerColor ||
	    f == PixelBlueGreenRedReserved8BitPerColor;
}

/* Chooses and sets a graphics mode; leaves bi.fb zero without GOP. */
static void setup_gop(void)
{
	EFI_GUID guid = EFI_GRAPHICS_OUTPUT_PROTOCOL_GUID;
	EFI_GRAPHICS_OUTPUT_PROTOCOL *gop;
	EFI_GRAPHICS_OUTPUT_MODE_INFORMATION *info;
	struct gop_size modes[GOP_MAX_MODES];
	UINTN info_size;
	uint32_t i, n, want_w, want_h;
	int pick;

	if (st->BootServices->LocateProtocol(&guid, NULL, (void **)&gop) !=
	    EFI_SUCCESS || !gop->Mode)
		return;
	n = gop->Mode->MaxMode;
	if (n > GOP_MAX_MODES)
		n = GOP_MAX_MODES;
	bi.gop_modes = n;
	for (i = 0; i < n; i++) {
		modes[i].usable = 0;
		if (gop->QueryMode(gop, i, &info_size, &info) != EFI_SUCCESS)
			continue;
		modes[i].width = info->HorizontalResolution;
		modes[i].height = info->VerticalResolution;
		modes[i].usable = usable_format(info->PixelFormat);
		st->BootServices->FreePool(info);
	}
	wanted_mode(&want_w, &want_h);
	/*
	 * video=keep: the firmware's mode, when the console can draw on it;
	 * a SetMode costs boot time, under TCG most of it.
	 */
	if (!want_w && gop->Mode->Mode < n && modes[gop->Mode->Mode].usable)
		pick = -1;
	else
		pick = gop_pick_mode(modes, (int)n,
		    want_w ? want_w : GOP_DEFAULT_MAX_WIDTH,
		    want_h ? want_h : GOP_DEFAULT_MAX_HEIGHT);
	/* UEFI's SetMode clears the screen to black: the kernel need not. */
	if (pick >= 0 && (uint32_t)pick != gop->Mode->Mode) {
		if (gop->SetMode(gop, (uint32_t)pick) == EFI_SUCCESS)
			bi.fb.is_black = 1;
		else
			say("terrarium: cannot set the chosen graphics "
			    "mode\r\n");
	}
	info = gop->Mode->Info;
	if (!usable_format(info->PixelFormat))
		return;
	bi.fb.base = gop->Mode->FrameBufferBase;
	bi.fb.size = gop->Mode->FrameBufferSize;
	bi.fb.width = info->HorizontalResolution;
	bi.fb.height = info->VerticalResolution;
	bi.fb.stride = info->PixelsPerScanLine;
	bi.fb.format =
	    info->PixelFormat == PixelRedGreenBlueReserved8BitPerColor ?
	    PIXEL_RGBX : PIXEL_BGRX;
}

/* Finds the ACPI RSDP, preferring the ACPI 2.0 entry. */
static void find_rsdp(void)
{
	EFI_GUID acpi20 = ACPI_20_TABLE_GUID, acpi10 = ACPI_TABLE_GUID;
	EFI_CONFIGURATION_TABLE *t = st->ConfigurationTable;
	UINTN i;

	for (i = 0; i < st->NumberOfTableEntries; i++)
		if (guid_eq(&t[i].VendorGuid, &acpi20)) {
			bi.rsdp = (uint64_t)(uintptr_t)t[i].VendorTable;
			return;
		}
	for (i = 0; i < st->NumberOfTableEntries; i++)
		if (guid_eq(&t[i].VendorGuid, &acpi10))
			bi.rsdp = (uint64_t)(uintptr_t)t[i].VendorTable;
}

/*
 * The firmware's clock into the boot info; on failure it stays marked
 * invalid and the realtime clock starts at 1970.
 */
static void read_time(void)
{
	EFI_TIME t;

	if (st->RuntimeServices->GetTime(&t, NULL) != EFI_SUCCESS)
		return;
	bi.time.year = t.Year;
	bi.time.month = t.Month;
	bi.time.day = t.Day;
	bi.time.hour = t.Hour;
	bi.time.minute = t.Minute;
	bi.time.second = t.Second;
	bi.time.utc_offset = t.TimeZone;
	bi.time.valid = 1;
}

/* Allocates the kernel stack with a guard page below it. */
static EFI_STATUS alloc_stack(void)
{
	EFI_PHYSICAL_ADDRESS p;
	EFI_STATUS s;

	s = st->BootServices->AllocatePages(AllocateAnyPages, EfiLoaderData,
	    KERNEL_STACK_PAGES + 1, &p);
	if (s != EFI_SUCCESS)
		return s;
	bi.stack_bottom = p + 4096;
	bi.stack_top = p + (KERNEL_STACK_PAGES + 1) * 4096;
	return EFI_SUCCESS;
}

/*
 * Gets the final memory map and exits boot services.  The first attempt
 * can fail when the map changed between the two calls (the firmware may
 * still allocate, e.g. in a timer event); then the map is read again into
 * the same buffer, without allocating, and the exit retried.
 */
static EFI_STATUS exit_boot_services(EFI_HANDLE image)
{
	EFI_BOOT_SERVICES *bs = st->BootServices;
	UINTN size = 0, key, desc_size, cap, max;
	UINT32 desc_version;
	void *map;
	EFI_STATUS s;
	int tries, n;

	s = bs->GetMemoryMap(&size, NULL, &key, &desc_size, &desc_version);
	if (s != EFI_BUFFER_TOO_SMALL)
		return s;
	if (desc_size < sizeof(EFI_MEMORY_DESCRIPTOR))
		return EFI_UNSUPPORTED;
	cap = size + MAP_SLACK_DESCS * desc_size;
	max = cap / desc_size;
	map = alloc_pool(cap);
	bi.mem = alloc_pool(max * sizeof(struct mem_range));
	if (!map || !bi.mem)
		return EFI_OUT_OF_RESOURCES;
	for (tries = 0; tries < 4; tries++) {
		size = cap;
		s = bs->GetMemoryMap(&size, map, &key, &desc_size,
		    &desc_version);
		if (s != EFI_SUCCESS)
			return s;
		s = bs->ExitBootServices(image, key);
		if (s == EFI_SUCCESS)
			break;
		if (s != EFI_INVALID_PARAMETER)
			return s;
	}
	if (s != EFI_SUCCESS)
		return s;
	__asm__ volatile("cli");
	n = memmap_convert(map, size, desc_size, bi.mem, max);
	bi.mem_count = n > 0 ? (uint32_t)n : 0;
	return EFI_SUCCESS;
}

/* The image's entry point, called by gnu-efi's crt0 after relocation. */
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	EFI_STATUS s;

	bi.tsc_at_entry = rdtsc();
	st = systab;
	read_cmdline(image);
	setup_gop();
	find_rsdp();
	read_time();
	s = alloc_stack();
	if (s != EFI_SUCCESS) {
		say("terrarium: cannot allocate the kernel stack\r\n");
		return s;
	}
	s = exit_boot_services(image);
	if (s != EFI_SUCCESS) {
		say("terrarium: ExitBootServices failed\r\n");
		return s;
	}
	efi_enter_kernel(&bi, bi.stack_top, kernel_main);
}
