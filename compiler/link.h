/*
 * The link of a Terrarium image (notes/interfaces.md, "Layout of an OCaml
 * image's link"): program objects, the generated image-data object, the
 * kernel, the OCaml runtime and musl become one ELF, linked twice so the
 * kernel's symbol table can be filled in, then converted to a PE/COFF
 * UEFI application.  With no program objects it makes the kernel-only
 * image.
 */
#ifndef COMPILER_LINK_H
#define COMPILER_LINK_H

#include <stddef.h>

/* The link's exit statuses. */
#define LINK_OK		0
#define LINK_FAILED	1

/* The symbol that pulls the program start-up out of libterrarium.a. */
#define LINK_START_SYMBOL	"program_start"

#define LINK_MUSL_LIBC		"/usr/lib/x86_64-linux-musl/libc.a"
#define LINK_EFI_CRT0		"/usr/lib/crt0-efi-x86_64.o"
#define LINK_EFI_RELOC_LIB	"/usr/lib/libgnuefi.a"

struct link_job {
	const char *out;	/* the image to write */
	const char *elf;	/* keep the linked ELF (with debug information)
				   here; NULL: not kept */
	const char *files;	/* directory to carry as the image's files
				   (a cpio archive); NULL: none */
	const char *cmdline;	/* the image's default command line; NULL: "" */
	char *const *inputs;	/* program objects (.o) and archives (.a) */
	size_t ninputs;
	char *const *libs;	/* C libraries the program needs (paths) */
	size_t nlibs;
	int quiet;		/* no progress line */
};

/*
 * Links the image.  Progress goes to stderr, the "image: OUT N bytes" line
 * to stdout.  On failure the reason is said in a few lines on stderr and
 * the tools' full output is kept in OUT.log.  Returns LINK_OK or
 * LINK_FAILED.
 */
int link_image(const struct link_job *j);

#endif
