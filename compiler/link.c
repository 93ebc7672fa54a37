/*
 * The link of an image (see compiler/link.h).
 *
 * Steps, in a private directory: the image-data object (default command
 * line and the cpio archive of the files); link pass 1; `nm` of it turned
 * into the kernel symbol table by mksyms; link pass 2 with that table,
 * which efi.lds places after all code and data so that nothing moves (and
 * that is checked); a check that every dynamic relocation is one the
 * image's self-relocation applies; objcopy to efi-app-x86_64.  Every tool
 * writes to OUT.log, which is removed when the link succeeds.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compiler/cpio_write.h"
#include "compiler/libdir.h"
#include "compiler/link.h"
#include "compiler/linklog.h"
#include "compiler/readall.h"
#include "compiler/spawn.h"
#include "compiler/strlist.h"
#include "compiler/tmpdir.h"

#define MAX_LOG		(64 << 20)	/* largest tool output read back */
#define SHOW_UNDEFINED	12		/* undefined symbols listed */
#define SHOW_LINES	6		/* lines of other errors shown */

/* The image's sections that objcopy keeps (efi/efi.lds names them). */
static const char *const image_sections[] = {
	".text", ".reloc", ".rodata", ".data", ".ksyms", ".dynamic",
	".dynsym", ".rela",
};

/* Everything one link works with. */
struct link {
	const struct link_job *j;
	char *dir;		/* private directory */
	char *log;		/* OUT.log */
	char lds[PATH_MAX], mksyms[PATH_MAX], kernel[PATH_MAX];
	char asmrun[PATH_MAX];
};

/*
 * Reads the whole file path into a NUL-terminated string (free it), or
 * NULL after saying why.
 */
static char *read_text(const char *path)
{
	unsigned char *buf;
	char *s;
	size_t len;
	FILE *f;
	int e;

	f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "terrarium: cannot read %s: %s\n", path,
		    strerror(errno));
		return NULL;
	}
	e = read_all(f, MAX_LOG, &buf, &len);
	fclose(f);
	if (e) {
		fprintf(stderr, "terrarium: cannot read %s: %s\n", path,
		    strerror(e));
		return NULL;
	}
	s = realloc(buf, len + 1);
	if (!s) {
		free(buf);
		fprintf(stderr, "terrarium: out of memory\n");
		return NULL;
	}
	s[len] = '\0';
	return s;
}

/* Returns the path's last component (a static copy, for messages). */
static const char *base(const char *path)
{
	static char buf[PATH_MAX];

	snprintf(buf, sizeof(buf), "%s", path);
	return basename(buf);
}

/* Checks that every input is a readable file.  Returns 0, or -1 (said). */
static int check_inputs(const struct link_job *j)
{
	struct stat st;
	size_t i;

	for (i = 0; i < j->ninputs; i++) {
		if (stat(j->inputs[i], &st) < 0 ||
		    access(j->inputs[i], R_OK) < 0) {
			fprintf(stderr, "terrarium: cannot read %s: %s\n",
			    j->inputs[i], strerror(errno));
			return -1;
		}
		if (!S_ISREG(st.st_mode)) {
			fprintf(stderr, "terrarium: %s is not a file\n",
			    j->inputs[i]);
			return -1;
		}
	}
	if (j->files && (stat(j->files, &st) < 0 || !S_ISDIR(st.st_mode))) {
		fprintf(stderr, "terrarium: --files %s: not a directory\n",
		    j->files);
		return -1;
	}
	return 0;
}

/* Finds the libdir's files and the system's.  Returns 0, or -1 (said). */
static int find_parts(struct link *l)
{
	static const char *const system[] = {
		LINK_EFI_CRT0, LINK_EFI_RELOC_LIB, LINK_MUSL_LIBC,
	};
	size_t i, nsystem = l->j->ninputs ? 3 : 2;

	if (libdir_file("efi.lds", l->lds, sizeof(l->lds)) < 0 ||
	    libdir_file("mksyms", l->mksyms, sizeof(l->mksyms)) < 0 ||
	    libdir_file("libterrarium.a", l->kernel, sizeof(l->kernel)) < 0)
		return -1;
	if (l->j->ninputs &&
	    libdir_file("libasmrun.a", l->asmrun, sizeof(l->asmrun)) < 0)
		return -1;
	for (i = 0; i < nsystem; i++)
		if (access(system[i], R_OK) < 0) {
			fprintf(stderr, "terrarium: cannot read %s: %s (Debian "
			    "packages gnu-efi and musl-dev provide it)\n",
			    system[i], strerror(errno));
			return -1;
		}
	return 0;
}

/*
 * Writes the image-data assembly: the command line as bytes, the files
 * archive included from files.cpio (in the private directory, given to
 * the assembler with -I).
 */
static int write_image_data(struct link *l, const char *path)
{
	const char *c = l->j->cmdline ? l->j->cmdline : "";
	FILE *f;
	size_t i;

	f = fopen(path, "w");
	if (!f)
		goto err_open;
	fprintf(f, "\t.section .rodata.terrarium_image, \"a\"\n");
	fprintf(f, "\t.globl terrarium_cmdline\n\t.hidden terrarium_cmdline\n");
	fprintf(f, "terrarium_cmdline:");
	for (i = 0; c[i]; i++)
		fprintf(f, "%s%u", i % 16 ? ", " : "\n\t.byte ",
		    (unsigned char)c[i]);
	fprintf(f, "\n\t.byte 0\n\t.balign 16\n");
	fprintf(f, "\t.globl terrarium_files\n\t.hidden terrarium_files\n");
	fprintf(f, "\t.globl terrarium_files_end\n"
	    "\t.hidden terrarium_files_end\n");
	fprintf(f, "terrarium_files:\n");
	if (l->j->files)
		fprintf(f, "\t.incbin \"files.cpio\"\n");
	fprintf(f, "terrarium_files_end:\n");
	fprintf(f, "\t.section .note.GNU-stack, \"\", @progbits\n");
	if (fclose(f) != 0)
		goto err_write;
	return 0;

err_open:
	fprintf(stderr, "terrarium: cannot create %s: %s\n", path,
	    strerror(errno));
	return -1;
err_write:
	fprintf(stderr, "terrarium: cannot write %s: %s\n", path,
	    strerror(errno));
	return -1;
}

/* Packs the files directory into DIR/files.cpio.  Returns 0, or -1 (said). */
static int write_files(struct link *l)
{
	char path[PATH_MAX];
	FILE *f;
	int r;

	snprintf(path, sizeof(path), "%s/files.cpio", l->dir);
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "terrarium: cannot create %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	r = cpio_write_dir(l->j->files, f);
	if (fclose(f) != 0 && r == 0) {
		fprintf(stderr, "terrarium: cannot write %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	return r;
}

/*
 * Runs a tool whose output goes to the log (stdout to out when not NULL).
 * Returns 0, or -1 after saying that what failed.
 */
static int tool(struct link *l, char *const *argv, const char *in,
    const char *out, const char *what)
{
	int r = spawn_run(argv, in, out ? out : l->log, l->log);

	if (r == 0)
		return 0;
	if (r > 0)
		fprintf(stderr, "terrarium: %s failed (%s, status %d)\n", what,
		    argv[0], r);
	return -1;
}

/* Assembles DIR/name.S into DIR/name.o.  Returns 0, or -1 (said). */
static int assemble(struct link *l, const char *name)
{
	char src[PATH_MAX], obj[PATH_MAX], inc[PATH_MAX + 2];
	char *argv[] = { "as", "--64", inc, "-o", obj, src, NULL };

	snprintf(src, sizeof(src), "%s/%s.S", l->dir, name);
	snprintf(obj, sizeof(obj), "%s/%s.o", l->dir, name);
	snprintf(inc, sizeof(inc), "-I%s", l->dir);
	return tool(l, argv, NULL, NULL, "assembling the generated data");
}

/* Whether path names an archive: archives go inside the link's group. */
static int is_archive(const char *path)
{
	size_t n = strlen(path);

	return n > 2 && strcmp(path + n - 2, ".a") == 0;
}

/*
 * Builds ld's command line writing out, with the symbol table object when
 * ksyms is set.  Returns 0, or -1 when out of memory.
 */
static int ld_args(struct link *l, struct strlist *a, const char *out,
    int ksyms)
{
	const struct link_job *j = l->j;
	size_t i;
	int r;

	r = strlist_add(a, "ld");
	r |= strlist_add(a, "-nostdlib");
	r |= strlist_add(a, "-shared");
	r |= strlist_add(a, "-Bsymbolic");
	r |= strlist_add(a, "-znocombreloc");
	r |= strlist_add(a, "-znorelro");
	r |= strlist_add(a, "--no-undefined");
	r |= strlist_add(a, "--orphan-handling=error");
	r |= strlist_add(a, "-T");
	r |= strlist_add(a, l->lds);
	if (j->ninputs) {
		r |= strlist_add(a, "-u");
		r |= strlist_add(a, LINK_START_SYMBOL);
	}
	r |= strlist_add(a, LINK_EFI_CRT0);
	for (i = 0; i < j->ninputs; i++)
		if (!is_archive(j->inputs[i]))
			r |= strlist_add(a, j->inputs[i]);
	r |= strlist_addf(a, "%s/image_data.o", l->dir);
	if (ksyms)
		r |= strlist_addf(a, "%s/ksyms.o", l->dir);
	r |= strlist_add(a, "--start-group");
	for (i = 0; i < j->ninputs; i++)
		if (is_archive(j->inputs[i]))
			r |= strlist_add(a, j->inputs[i]);
	r |= strlist_add(a, l->kernel);
	if (j->ninputs)
		r |= strlist_add(a, l->asmrun);
	for (i = 0; i < j->nlibs; i++)
		r |= strlist_add(a, j->libs[i]);
	if (j->ninputs)
		r |= strlist_add(a, LINK_MUSL_LIBC);
	r |= strlist_add(a, "--end-group");
	r |= strlist_add(a, LINK_EFI_RELOC_LIB);
	r |= strlist_add(a, "-o");
	r |= strlist_add(a, out);
	return r ? -1 : 0;
}

/* Says which symbols are undefined, or else the first error lines. */
static void explain_ld(struct link *l)
{
	struct strlist syms = { 0 }, where = { 0 };
	const char *line, *end, *hint;
	char *log = read_text(l->log);
	size_t i;
	int shown = 0;

	if (!log)
		return;
	if (linklog_undefined(log, &syms, &where) == 0 && syms.n) {
		fprintf(stderr, "terrarium: %zu undefined symbol%s:\n", syms.n,
		    syms.n == 1 ? "" : "s");
		for (i = 0; i < syms.n && i < SHOW_UNDEFINED; i++) {
			hint = linklog_hint(syms.v[i]);
			fprintf(stderr, "  %s", syms.v[i]);
			if (*where.v[i])
				fprintf(stderr, " (used by %s)",
				    base(where.v[i]));
			if (hint)
				fprintf(stderr, ": %s", hint);
			fputc('\n', stderr);
		}
		if (syms.n > SHOW_UNDEFINED)
			fprintf(stderr, "  and %zu more\n",
			    syms.n - SHOW_UNDEFINED);
	} else {
		for (line = log; *line && shown < SHOW_LINES; line = end + 1) {
			end = strchrnul(line, '\n');
			fprintf(stderr, "  %.*s\n", (int)(end - line), line);
			shown++;
			if (!*end)
				break;
		}
	}
	strlist_free(&syms);
	strlist_free(&where);
	free(log);
}

/* Links once to out.  Returns 0, or -1 (said). */
static int ld(struct link *l, const char *out, int ksyms)
{
	struct strlist a = { 0 };
	int r;

	if (ld_args(l, &a, out, ksyms) < 0)
		return -1;
	r = spawn_run(a.v, NULL, l->log, l->log);
	strlist_free(&a);
	if (r == 0)
		return 0;
	if (r > 0) {
		fprintf(stderr, "terrarium: the link of %s failed\n",
		    l->j->out);
		explain_ld(l);
	}
	return -1;
}

/* Runs nm on elf into the file nm.  Returns 0, or -1 (said). */
static int run_nm(struct link *l, const char *elf, const char *nm)
{
	char *argv[] = { "nm", "-n", "--defined-only", (char *)elf, NULL };

	return tool(l, argv, NULL, nm, "listing the symbols");
}

/*
 * Checks the first link: the program start-up is there when there is a
 * program.  Returns 0, or -1 (said).
 */
static int check_pass1(struct link *l, const char *nm_path)
{
	char *nm;
	int ok;

	if (!l->j->ninputs)
		return 0;
	nm = read_text(nm_path);
	if (!nm)
		return -1;
	ok = linklog_defines_code(nm, LINK_START_SYMBOL);
	free(nm);
	if (!ok)
		fprintf(stderr, "terrarium: %s has no program start-up (%s): "
		    "this Terrarium cannot run programs yet\n", l->kernel,
		    LINK_START_SYMBOL);
	return ok ? 0 : -1;
}

/*
 * Checks the second link against the first: no code moved, and only
 * relocations the image applies itself.  Returns 0, or -1 (said).
 */
static int check_pass2(struct link *l, const char *nm1_path, const char *elf)
{
	char nm2_path[PATH_MAX], rel_path[PATH_MAX], first[320];
	char *argv[] = { "readelf", "-rW", (char *)elf, NULL };
	char *nm1 = NULL, *nm2 = NULL, *rel = NULL;
	int r = -1, bad;

	snprintf(nm2_path, sizeof(nm2_path), "%s/pass2.nm", l->dir);
	snprintf(rel_path, sizeof(rel_path), "%s/relocs.txt", l->dir);
	if (run_nm(l, elf, nm2_path) < 0 ||
	    tool(l, argv, NULL, rel_path, "reading the relocations") < 0)
		return -1;
	nm1 = read_text(nm1_path);
	nm2 = nm1 ? read_text(nm2_path) : NULL;
	rel = nm2 ? read_text(rel_path) : NULL;
	if (!rel)
		goto out;
	if (!linklog_same_code(nm1, nm2)) {
		fprintf(stderr, "terrarium: the symbol table moved code in the "
		    "second link (efi.lds must place .ksyms after all code)\n");
		goto out;
	}
	bad = linklog_bad_relocs(rel, first, sizeof(first));
	if (bad) {
		fprintf(stderr, "terrarium: %d dynamic relocation%s the image "
		    "cannot apply, such as %s (an object not built with "
		    "-fPIC?)\n",
		    bad, bad == 1 ? "" : "s", first);
		goto out;
	}
	r = 0;
out:
	free(nm1);
	free(nm2);
	free(rel);
	return r;
}

/* Converts the ELF to the UEFI image.  Returns 0, or -1 (said). */
static int convert(struct link *l, const char *elf)
{
	struct strlist a = { 0 };
	size_t i;
	int r;

	r = strlist_add(&a, "objcopy");
	for (i = 0; i < sizeof(image_sections) / sizeof(image_sections[0]);
	    i++) {
		r |= strlist_add(&a, "-j");
		r |= strlist_add(&a, image_sections[i]);
	}
	r |= strlist_add(&a, "--target");
	r |= strlist_add(&a, "efi-app-x86_64");
	r |= strlist_add(&a, "--subsystem=10");
	r |= strlist_add(&a, elf);
	r |= strlist_add(&a, l->j->out);
	if (r == 0)
		r = tool(l, a.v, NULL, NULL, "converting to a UEFI image");
	strlist_free(&a);
	return r;
}

/* Shows the warnings the tools printed during a good link. */
static void show_warnings(struct link *l)
{
	const char *line, *end;
	char *log = read_text(l->log);
	int shown = 0;

	if (!log)
		return;
	for (line = log; *line; line = *end ? end + 1 : end) {
		end = strchrnul(line, '\n');
		if (memmem(line, (size_t)(end - line), "warning", 7) &&
		    shown++ < SHOW_LINES)
			fprintf(stderr, "%.*s\n", (int)(end - line), line);
	}
	free(log);
}

/* Runs the steps in the private directory.  Returns 0, or -1 (said). */
static int steps(struct link *l)
{
	char path[PATH_MAX], nm1[PATH_MAX], ksyms[PATH_MAX], pass1[PATH_MAX];
	char elf[PATH_MAX];
	char *mksyms_argv[] = { l->mksyms, NULL };

	snprintf(path, sizeof(path), "%s/image_data.S", l->dir);
	snprintf(pass1, sizeof(pass1), "%s/pass1.so", l->dir);
	snprintf(nm1, sizeof(nm1), "%s/pass1.nm", l->dir);
	snprintf(ksyms, sizeof(ksyms), "%s/ksyms.S", l->dir);
	snprintf(elf, sizeof(elf), "%s", l->j->elf ? l->j->elf : "");
	if (!l->j->elf)
		snprintf(elf, sizeof(elf), "%s/image.so", l->dir);
	if ((l->j->files && write_files(l) < 0) ||
	    write_image_data(l, path) < 0 || assemble(l, "image_data") < 0)
		return -1;
	if (ld(l, pass1, 0) < 0 || run_nm(l, pass1, nm1) < 0 ||
	    check_pass1(l, nm1) < 0)
		return -1;
	if (tool(l, mksyms_argv, nm1, ksyms, "making the symbol table") < 0 ||
	    assemble(l, "ksyms") < 0)
		return -1;
	if (ld(l, elf, 1) < 0 || check_pass2(l, nm1, elf) < 0)
		return -1;
	return convert(l, elf);
}

/* Links an image; see compiler/link.h. */
int link_image(const struct link_job *j)
{
	struct link l;
	struct stat st;
	FILE *f;
	int r = -1;

	memset(&l, 0, sizeof(l));
	l.j = j;
	if (check_inputs(j) < 0 || find_parts(&l) < 0)
		return LINK_FAILED;
	if (asprintf(&l.log, "%s.log", j->out) < 0) {
		fprintf(stderr, "terrarium: out of memory\n");
		return LINK_FAILED;
	}
	f = fopen(l.log, "w");
	if (!f) {
		fprintf(stderr, "terrarium: cannot create %s: %s\n", l.log,
		    strerror(errno));
		goto out;
	}
	fclose(f);
	l.dir = tmpdir_make("link");
	if (!l.dir)
		goto out;
	if (!j->quiet)
		fprintf(stderr, "terrarium: linking %s\n", j->out);
	r = steps(&l);
	if (r == 0 && stat(j->out, &st) < 0) {
		fprintf(stderr, "terrarium: %s: %s\n", j->out, strerror(errno));
		r = -1;
	}
	if (r == 0) {
		show_warnings(&l);
		unlink(l.log);
		printf("image: %s %lld bytes\n", j->out, (long long)st.st_size);
	} else if (spawn_caught) {
		unlink(j->out);
		unlink(l.log);
	} else {
		unlink(j->out);
		fprintf(stderr, "terrarium: the full output of the link is "
		    "in %s\n", l.log);
	}
	tmpdir_remove(l.dir);
out:
	free(l.log);
	return r == 0 ? LINK_OK : LINK_FAILED;
}
