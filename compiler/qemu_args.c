/*
 * QEMU's command line for a run, and the defaults of a run's configuration
 * (see compiler/qemu.h).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/qemu.h"

/* A growing argument vector; once out of memory it stays failed. */
struct argv {
	char **v;
	size_t n, cap;
	int oom;
};

/* Appends one printf-formatted argument. */
static __attribute__((format(printf, 2, 3))) void add(struct argv *a,
    const char *fmt, ...)
{
	va_list ap;
	char **v, *s;
	int r;

	if (a->oom)
		return;
	if (a->n + 2 > a->cap) {
		v = realloc(a->v, (a->cap * 2 + 16) * sizeof(*v));
		if (!v)
			goto err_oom;
		a->v = v;
		a->cap = a->cap * 2 + 16;
	}
	va_start(ap, fmt);
	r = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (r < 0)
		goto err_oom;
	a->v[a->n++] = s;
	a->v[a->n] = NULL;
	return;

err_oom:
	a->oom = 1;
}

/*
 * Returns path with each comma doubled, as QEMU's option syntax wants
 * inside a key=value list; NULL when out of memory.
 */
static char *opt_escape(const char *path)
{
	const char *p;
	char *s, *o;
	size_t n = 1;

	for (p = path; *p; p++)
		n += *p == ',' ? 2 : 1;
	s = malloc(n);
	if (!s)
		return NULL;
	for (o = s, p = path; *p; p++) {
		*o++ = *p;
		if (*p == ',')
			*o++ = ',';
	}
	*o = '\0';
	return s;
}

/* Appends "-drive OPTS,file=PATH" with PATH escaped. */
static void add_drive(struct argv *a, const char *opts, const char *path)
{
	char *e = opt_escape(path);

	if (!e) {
		a->oom = 1;
		return;
	}
	add(a, "-drive");
	add(a, "%s,file=%s", opts, e);
	free(e);
}

/* Appends the arguments that make the guest boot the configured image. */
static void add_boot(struct argv *a, const struct qemu_config *c,
    const char *fatdir)
{
	char *fat;

	switch (c->boot) {
	case QEMU_BOOT_KERNEL:
		add(a, "-kernel");
		add(a, "%s", c->image);
		if (c->append) {
			add(a, "-append");
			add(a, "%s", c->append);
		}
		break;
	case QEMU_BOOT_EFI:
	case QEMU_BOOT_FAT:
		if (asprintf(&fat, "fat:rw:%s", fatdir) < 0) {
			a->oom = 1;
			return;
		}
		add_drive(a, "format=raw,media=disk", fat);
		free(fat);
		break;
	case QEMU_BOOT_DISK:
		add_drive(a, "format=raw,media=disk", c->image);
		break;
	case QEMU_BOOT_USB:
		add(a, "-device");
		add(a, "qemu-xhci,id=xhci");
		add_drive(a, "if=none,id=stick,format=raw", c->image);
		add(a, "-device");
		add(a, "usb-storage,bus=xhci.0,drive=stick,removable=on");
		break;
	case QEMU_BOOT_NONE:
		break;
	}
}

/* Appends the graphics device and the display. */
static void add_video(struct argv *a, const struct qemu_config *c)
{
	if (c->video != QEMU_VIDEO_WINDOW) {
		add(a, "-display");
		add(a, "none");
	} else if (c->window) {
		add(a, "-display");
		add(a, "%s", c->window);
	}
	if (c->video != QEMU_VIDEO_NONE) {
		add(a, "-device");
		add(a, "VGA");
	}
}

/* Fills c with the defaults; see compiler/qemu.h. */
void qemu_config_init(struct qemu_config *c)
{
	int i;

	memset(c, 0, sizeof(*c));
	c->boot = QEMU_BOOT_KERNEL;
	c->mem_mb = QEMU_DEFAULT_MEM_MB;
	c->machine = QEMU_DEFAULT_MACHINE;
	c->video = QEMU_VIDEO_HEADLESS;
	c->echo_fd = -1;
	for (i = 0; i < QEMU_MAX_PORTS; i++)
		c->ports[i].out_fd = c->ports[i].in_fd =
		    c->ports[i].end_byte = -1;
	c->qemu = QEMU_DEFAULT_BINARY;
	c->ovmf_code = QEMU_OVMF_CODE;
	c->ovmf_vars = QEMU_OVMF_VARS;
}

/* Builds QEMU's argument vector; see compiler/qemu.h. */
char **qemu_build_args(const struct qemu_config *c, const char *vars,
    const char *fatdir, int serial_fd, int qmp_fd, const int *port_fds)
{
	struct argv a = { NULL, 0, 0, 0 };
	char *const *x;
	int i;

	add(&a, "%s", c->qemu);
	/* No default NIC, disks, serial or monitor: the run names each
	   device, and the firmware tries no network boot. */
	add(&a, "-nodefaults");
	add(&a, "-machine");
	add(&a, "%s", c->machine);
	add(&a, "-accel");
	add(&a, "tcg");
	add(&a, "-m");
	add(&a, "%u", c->mem_mb);
	if (c->cpu) {
		add(&a, "-cpu");
		add(&a, "%s", c->cpu);
	}
	if (!c->reboot)
		add(&a, "-no-reboot");
	/* Paused until the monitor says go, so no serial output is lost. */
	add(&a, "-S");
	add_drive(&a, "if=pflash,format=raw,unit=0,readonly=on", c->ovmf_code);
	add_drive(&a, "if=pflash,format=raw,unit=1", vars);
	add(&a, "-device");
	add(&a, "isa-debug-exit,iobase=%#x,iosize=0x04", QEMU_EXIT_PORT);
	add(&a, "-chardev");
	add(&a, "socket,id=serial0,fd=%d", serial_fd);
	add(&a, "-serial");
	add(&a, "chardev:serial0");
	/* Each further -serial is the next ISA port: COM2 at 0x2f8, COM3. */
	for (i = 0; i < c->nports; i++) {
		add(&a, "-chardev");
		add(&a, "socket,id=serial%d,fd=%d", i + 1, port_fds[i]);
		add(&a, "-serial");
		add(&a, "chardev:serial%d", i + 1);
	}
	add(&a, "-chardev");
	add(&a, "socket,id=qmp0,fd=%d", qmp_fd);
	add(&a, "-mon");
	add(&a, "chardev=qmp0,mode=control");
	add_video(&a, c);
	add_boot(&a, c, fatdir);
	for (x = c->extra; x && *x; x++)
		add(&a, "%s", *x);
	if (a.oom) {
		qemu_free_args(a.v);
		return NULL;
	}
	return a.v;
}

/* Frees a vector from qemu_build_args(). */
void qemu_free_args(char **argv)
{
	char **p;

	for (p = argv; p && *p; p++)
		free(*p);
	free(argv);
}
