/*
 * terrarium image: a bootable disk or ISO image of a UEFI application
 * (the work is in images/).
 */
#include <stdio.h>
#include <stdlib.h>
#include "compiler/commands.h"
#include "compiler/opts.h"
#include "compiler/sbinpath.h"
#include "compiler/spawn.h"
#include "images/image.h"

#define MAX_SIZE_MIB	(1u << 20)	/* 1 TiB; FAT32 ends at 2 TiB */

enum { O_OUTPUT = 1, O_FILES, O_SIZE, O_VERBOSE, O_HELP };

static const struct opt opts[] = {
	{ O_OUTPUT, "output", 'o', "OUT", "the image file to write (required); "
	    "a name ending\nin .iso makes an ISO image" },
	{ O_FILES, "files", 0, "DIR", "also copy the files under DIR to the "
	    "root of the\nEFI System Partition" },
	{ O_SIZE, "size", 0, "MIB", "size of the disk image in MiB (default "
	    "64, or what\nthe files need; at least 35)" },
	{ O_VERBOSE, "verbose", 'v', NULL, "show the commands run" },
	{ O_HELP, "help", 'h', NULL, "this text" },
	{ 0, NULL, 0, NULL, NULL },
};

static const char usage[] =
"usage: terrarium image IMAGE.efi -o OUT.img [--files DIR] [--size MIB]\n"
"       terrarium image IMAGE.efi -o OUT.iso [--files DIR]\n";

static const char about[] =
"Writes a disk image that boots a UEFI PC from a USB stick or a disk: a GPT\n"
"(protective MBR, primary and backup tables) with one EFI System Partition\n"
"(FAT32) holding IMAGE.efi as /EFI/BOOT/BOOTX64.EFI, the file firmware\n"
"boots from removable media without any setup.  Write it to a stick with\n"
"  dd if=OUT.img of=/dev/sdX bs=4M conv=fsync\n"
"An ISO image boots from a CD or a server's virtual media (El Torito, EFI).\n";

static const char footer[] =
"Exit status: 0 written, 1 it failed (said why), 2 a usage mistake.\n";

/* Parses a size in MiB.  Returns 0, or -1. */
static int parse_size(const char *v, unsigned *mib)
{
	unsigned long n;
	char *end;

	n = strtoul(v, &end, 10);
	if (end == v || *end || n == 0 || n > MAX_SIZE_MIB)
		return -1;
	*mib = (unsigned)n;
	return 0;
}

/* Writes a bootable image: the image command. */
int cmd_image(int argc, char **argv)
{
	struct image_job j = { NULL, NULL, NULL, 0 };
	struct opt_state s;
	const char *v;
	int id;

	opt_init(&s, "terrarium image", opts, argc, argv);
	while ((id = opt_next(&s, &v)) != OPT_DONE) {
		switch (id) {
		case OPT_ERROR:
			return EXIT_USAGE;
		case OPT_OPERAND:
			if (j.efi)
				return opt_usage_error(&s, "one image at a "
				    "time (%s and %s given)", j.efi, v);
			j.efi = v;
			break;
		case O_OUTPUT:
			j.out = v;
			break;
		case O_FILES:
			j.files = v;
			break;
		case O_SIZE:
			if (parse_size(v, &j.size_mib) < 0)
				return opt_usage_error(&s, "--size wants whole "
				    "MiB from 1 to %u, not %s", MAX_SIZE_MIB,
				    v);
			break;
		case O_VERBOSE:
			spawn_verbose = 1;
			break;
		case O_HELP:
			opt_help(stdout, usage, about, opts, footer);
			return 0;
		}
	}
	if (s.next < argc && !j.efi)
		j.efi = argv[s.next++];
	if (s.next < argc)
		return opt_usage_error(&s, "one image at a time (%s given too)",
		    argv[s.next]);
	if (!j.efi)
		return opt_usage_error(&s, "no image given");
	if (!j.out)
		return opt_usage_error(&s, "no output given (-o OUT.img)");
	if (j.size_mib && image_is_iso(j.out))
		return opt_usage_error(&s, "--size is for disk images; an ISO "
		    "image is as large as its files");
	if (sbin_path() < 0)
		return 1;
	return image_make(&j);
}
