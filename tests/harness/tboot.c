/*
 * tboot: boot a UEFI image under QEMU+OVMF, show its serial console, check
 * what it prints, and exit with its status.  The front end of the boot
 * tests and of `make demo`; the work is in compiler/qemu.c.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compiler/qemu.h"

/* tboot's own exit statuses, above what images use. */
#define EXIT_TIMEOUT	124
#define EXIT_HARNESS	125
#define EXIT_UNSEEN	126

#define DEFAULT_TIMEOUT	60	/* seconds, unless a display was asked for */
#define TAIL_LINES	20

enum action_kind { ACT_EXPECT, ACT_SCREENSHOT, ACT_SENDKEY, ACT_TYPE };

struct action {
	enum action_kind kind;
	const char *arg;
};

enum display_want { DISPLAY_NO, DISPLAY_YES, DISPLAY_IF_AVAILABLE };

struct options {
	struct qemu_config cfg;
	int nboot;
	struct action *actions;
	int nactions;
	double timeout;		/* < 0: not given */
	enum display_want display;
	int quit_after_expect;
	int quiet;
	int verbose;
};

static const char usage_text[] =
"usage: tboot IMAGE-OPTION [OPTION...] [-- QEMU-ARG...]\n"
"\n"
"Boots a UEFI image under QEMU with OVMF (TCG, no KVM), copies its serial\n"
"console to stdout, runs the checks and actions given, and exits with the\n"
"image's status.\n"
"\n"
"The image, exactly one of:\n"
"  --kernel IMG       load IMG with QEMU's -kernel: OVMF starts it from fw_cfg\n"
"  --append ARGS      with --kernel: the image's LoadOptions (its command line)\n"
"  --efi IMG          boot IMG as EFI/BOOT/BOOTX64.EFI of a private FAT\n"
"                     directory (a copy, removed at the end)\n"
"  --fat DIR          boot the directory DIR as a FAT disk (the guest may write\n"
"                     to it)\n"
"  --disk IMG         boot the raw disk image IMG (the guest may write to it)\n"
"  --usb IMG          boot the raw disk image IMG as a USB stick (usb-storage\n"
"                     on qemu-xhci; the guest may write to it)\n"
"  --no-disk          no image from tboot: the firmware boots from a device\n"
"                     given after -- (a NIC for a network boot, a CD)\n"
"\n"
"The machine:\n"
"  --mem MB           memory in MiB (default 512)\n"
"  --cpu MODEL        QEMU CPU model (default: QEMU's own)\n"
"  --machine TYPE     QEMU machine type (default q35)\n"
"  --no-vga           no graphics device at all, so the firmware has no GOP\n"
"  --display          show the screen in a window (needs $DISPLAY and a QEMU\n"
"                     with the gtk or sdl display, Debian's qemu-system-gui)\n"
"  --display-if-available\n"
"                     a window when one can be shown, headless otherwise (for\n"
"                     `make demo`)\n"
"  --reboot           let a guest reset reboot (default: a reset ends QEMU)\n"
"  --qemu PATH        the QEMU binary (default qemu-system-x86_64)\n"
"  -- QEMU-ARG...     more QEMU arguments (NICs, disks), after all of tboot's\n"
"\n"
"Checks and actions, run in the order given once the guest runs:\n"
"  --expect TEXT      wait until TEXT appears on the serial console after the\n"
"                     previous match (serial lines end in \\r\\n)\n"
"  --screenshot FILE  save the screen: PNG when FILE ends in .png, else PPM\n"
"  --sendkey KEYS     press keys together: QEMU key codes joined by '-', such\n"
"                     as ret, esc, a, shift-a, ctrl-alt-delete\n"
"  --type TEXT        send the bytes of TEXT to the guest's serial console\n"
"  --quit-after-expect\n"
"                     once all are done, stop QEMU and exit 0 instead of\n"
"                     waiting for the image to exit\n"
"With no --quit-after-expect, tboot then waits for the image to exit.\n"
"\n"
"Output:\n"
"  --timeout S        give up S seconds after the guest starts (default 60;\n"
"                     0 for never; with --display or --display-if-available\n"
"                     the default is never)\n"
"  --serial-log FILE  also write the serial output to FILE\n"
"  -q, --quiet        do not copy the serial output to stdout\n"
"  -v, --verbose      report on stderr when the first output came, when each\n"
"                     --expect matched and how QEMU ended, in seconds since\n"
"                     the guest started\n"
"  -h, --help         this text\n"
"\n"
"Exit status:\n"
"  0-123  the image's status: the value v it wrote to I/O port 0xf4\n"
"         (isa-debug-exit; QEMU ends with (v<<1)|1); also 0 when the guest\n"
"         powers off or resets (a reset, such as a triple fault, is reported\n"
"         on stderr), and 0 after --quit-after-expect\n"
"  124    timeout\n"
"  125    tboot or QEMU failed: bad usage, QEMU did not start or crashed,\n"
"         a screenshot or key press failed\n"
"  126    QEMU ended before an --expect text appeared\n"
"  128+N  tboot was stopped by signal N (QEMU was killed first)\n"
"Images should not use statuses 124-127.  QEMU's own fatal errors at run\n"
"time exit with status 1, which reads as image status 0: they show on\n"
"stderr.  On a failure (124-126, and 125 for a QEMU crash) the last serial\n"
"lines are printed on stderr.\n"
"\n"
"Environment: TMPDIR is where each run's private directory goes (its copy\n"
"of the OVMF variables, its FAT directory); it is removed at the end.\n";

enum {
	OPT_KERNEL = 256, OPT_APPEND, OPT_EFI, OPT_FAT, OPT_DISK, OPT_USB,
	OPT_NO_DISK, OPT_MEM,
	OPT_CPU, OPT_MACHINE, OPT_NO_VGA, OPT_DISPLAY, OPT_DISPLAY_IF,
	OPT_REBOOT, OPT_QEMU, OPT_EXPECT, OPT_SCREENSHOT, OPT_SENDKEY, OPT_TYPE,
	OPT_QUIT, OPT_TIMEOUT, OPT_LOG, OPT_QUIET, OPT_VERBOSE, OPT_HELP,
};

static const struct option long_options[] = {
	{ "kernel", required_argument, NULL, OPT_KERNEL },
	{ "append", required_argument, NULL, OPT_APPEND },
	{ "efi", required_argument, NULL, OPT_EFI },
	{ "fat", required_argument, NULL, OPT_FAT },
	{ "disk", required_argument, NULL, OPT_DISK },
	{ "usb", required_argument, NULL, OPT_USB },
	{ "no-disk", no_argument, NULL, OPT_NO_DISK },
	{ "mem", required_argument, NULL, OPT_MEM },
	{ "cpu", required_argument, NULL, OPT_CPU },
	{ "machine", required_argument, NULL, OPT_MACHINE },
	{ "no-vga", no_argument, NULL, OPT_NO_VGA },
	{ "display", no_argument, NULL, OPT_DISPLAY },
	{ "display-if-available", no_argument, NULL, OPT_DISPLAY_IF },
	{ "reboot", no_argument, NULL, OPT_REBOOT },
	{ "qemu", required_argument, NULL, OPT_QEMU },
	{ "expect", required_argument, NULL, OPT_EXPECT },
	{ "screenshot", required_argument, NULL, OPT_SCREENSHOT },
	{ "sendkey", required_argument, NULL, OPT_SENDKEY },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "quit-after-expect", no_argument, NULL, OPT_QUIT },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "serial-log", required_argument, NULL, OPT_LOG },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "verbose", no_argument, NULL, OPT_VERBOSE },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

/* Prints a usage error and returns EXIT_HARNESS. */
static int usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "tboot: %s%s%s\n", msg, arg ? ": " : "",
	    arg ? arg : "");
	fprintf(stderr, "Try 'tboot --help'.\n");
	return EXIT_HARNESS;
}

/* Records the image option. */
static void set_boot(struct options *o, enum qemu_boot boot, const char *image)
{
	o->cfg.boot = boot;
	o->cfg.image = image;
	o->nboot++;
}

/* Appends an action.  Returns 0, or -1 when out of memory. */
static int add_action(struct options *o, enum action_kind kind, const char *arg)
{
	struct action *a;

	a = realloc(o->actions, (size_t)(o->nactions + 1) * sizeof(*a));
	if (!a)
		return -1;
	o->actions = a;
	a[o->nactions].kind = kind;
	a[o->nactions].arg = arg;
	o->nactions++;
	return 0;
}

/* Parses a number in [min, max].  Returns 0, or -1. */
static int parse_number(const char *s, double min, double max, double *v)
{
	char *end;

	*v = strtod(s, &end);
	return end == s || *end || !(*v >= min && *v <= max) ? -1 : 0;
}

/*
 * Handles one option.  Returns 0, 1 when tboot should stop with status 0
 * (--help), or an exit status.
 */
static int take_option(struct options *o, int opt, const char *arg)
{
	double v;

	switch (opt) {
	case OPT_KERNEL:
		set_boot(o, QEMU_BOOT_KERNEL, arg);
		break;
	case OPT_EFI:
		set_boot(o, QEMU_BOOT_EFI, arg);
		break;
	case OPT_FAT:
		set_boot(o, QEMU_BOOT_FAT, arg);
		break;
	case OPT_DISK:
		set_boot(o, QEMU_BOOT_DISK, arg);
		break;
	case OPT_USB:
		set_boot(o, QEMU_BOOT_USB, arg);
		break;
	case OPT_NO_DISK:
		set_boot(o, QEMU_BOOT_NONE, NULL);
		break;
	case OPT_APPEND:
		o->cfg.append = arg;
		break;
	case OPT_MEM:
		if (parse_number(arg, 16, 1 << 20, &v) < 0 || v != (unsigned)v)
			return usage_error("--mem wants whole MiB from 16",
			    arg);
		o->cfg.mem_mb = (unsigned)v;
		break;
	case OPT_CPU:
		o->cfg.cpu = arg;
		break;
	case OPT_MACHINE:
		o->cfg.machine = arg;
		break;
	case OPT_NO_VGA:
		o->cfg.video = QEMU_VIDEO_NONE;
		break;
	case OPT_DISPLAY:
		o->display = DISPLAY_YES;
		break;
	case OPT_DISPLAY_IF:
		o->display = DISPLAY_IF_AVAILABLE;
		break;
	case OPT_REBOOT:
		o->cfg.reboot = 1;
		break;
	case OPT_QEMU:
		o->cfg.qemu = arg;
		break;
	case OPT_EXPECT:
		if (!*arg)
			return usage_error("--expect wants a non-empty text",
			    NULL);
		/* fall through */
	case OPT_SCREENSHOT:
	case OPT_SENDKEY:
	case OPT_TYPE:
		if (add_action(o, opt == OPT_EXPECT ? ACT_EXPECT :
		    opt == OPT_SCREENSHOT ? ACT_SCREENSHOT :
		    opt == OPT_SENDKEY ? ACT_SENDKEY : ACT_TYPE, arg) < 0) {
			fprintf(stderr, "tboot: out of memory\n");
			return EXIT_HARNESS;
		}
		break;
	case OPT_QUIT:
		o->quit_after_expect = 1;
		break;
	case OPT_TIMEOUT:
		if (parse_number(arg, 0, 1e6, &v) < 0)
			return usage_error("--timeout wants seconds, 0 for "
			    "never", arg);
		o->timeout = v;
		break;
	case OPT_LOG:
		o->cfg.serial_log = arg;
		break;
	case 'q':
	case OPT_QUIET:
		o->quiet = 1;
		break;
	case 'v':
	case OPT_VERBOSE:
		o->verbose = 1;
		break;
	case 'h':
	case OPT_HELP:
		fputs(usage_text, stdout);
		return 1;
	default:
		return usage_error("bad option", NULL);
	}
	return 0;
}

/* Checks that the options go together. */
static int check_options(const struct options *o)
{
	int i, expects = 0;

	for (i = 0; i < o->nactions; i++)
		expects += o->actions[i].kind == ACT_EXPECT;
	if (o->nboot != 1)
		return usage_error("give exactly one of --kernel, --efi, "
		    "--fat, --disk, --usb, --no-disk", NULL);
	if (o->cfg.append && o->cfg.boot != QEMU_BOOT_KERNEL)
		return usage_error("--append goes with --kernel only (OVMF "
		    "passes no arguments to an image it boots from a disk)",
		    NULL);
	if (o->quit_after_expect && expects == 0)
		return usage_error("--quit-after-expect needs an --expect",
		    NULL);
	if (o->display != DISPLAY_NO && o->cfg.video == QEMU_VIDEO_NONE)
		return usage_error("--no-vga leaves nothing to show in a "
		    "window", NULL);
	return 0;
}

/*
 * Chooses between a window and headless.  Returns 0, or EXIT_HARNESS when
 * --display cannot be honoured.
 */
static int choose_display(struct options *o)
{
	const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
	const char *backend = NULL, *why;

	if (o->display == DISPLAY_NO)
		return 0;
	if ((!x || !*x) && (!w || !*w))
		why = "neither $DISPLAY nor $WAYLAND_DISPLAY is set";
	else if (!(backend = qemu_window_backend(o->cfg.qemu)))
		why = "QEMU has no gtk or sdl display (install "
		    "qemu-system-gui)";
	else
		why = NULL;
	if (why && o->display == DISPLAY_YES) {
		fprintf(stderr, "tboot: cannot show a window: %s\n", why);
		return EXIT_HARNESS;
	}
	if (why) {
		fprintf(stderr, "tboot: no window (%s); serial console only\n",
		    why);
		return 0;
	}
	o->cfg.video = QEMU_VIDEO_WINDOW;
	o->cfg.window = backend;
	return 0;
}

/* Parses the command line into o.  Returns 0, 1 for --help, or a status. */
static int parse_args(struct options *o, int argc, char **argv)
{
	int opt, r;

	qemu_config_init(&o->cfg);
	o->timeout = -1;
	while ((opt = getopt_long(argc, argv, "+hqv", long_options,
	    NULL)) != -1) {
		r = take_option(o, opt, optarg);
		if (r)
			return r;
	}
	if (optind < argc && strcmp(argv[optind - 1], "--") != 0)
		return usage_error("unexpected argument (QEMU arguments go "
		    "after --)", argv[optind]);
	o->cfg.extra = argv + optind;
	r = check_options(o);
	if (r)
		return r;
	r = choose_display(o);
	if (r)
		return r;
	/* Someone watches a display: the run lasts until they stop it. */
	if (o->timeout < 0)
		o->timeout = o->display != DISPLAY_NO ? 0 : DEFAULT_TIMEOUT;
	o->cfg.echo_fd = o->quiet ? -1 : STDOUT_FILENO;
	return 0;
}

/* Prints the end of the serial output after a failure; returns status. */
static int fail(struct qemu *q, int status)
{
	fprintf(stderr, "tboot: last serial output:\n");
	qemu_print_tail(q, stderr, TAIL_LINES);
	return status;
}

/* Returns seconds since the guest started, for messages. */
static double elapsed(const struct qemu *q)
{
	return (double)qemu_elapsed_ms(q) / 1000;
}

/*
 * Reports a wait that ended otherwise than hoped: for text (NULL while
 * waiting for the exit).  Returns tboot's exit status, or -1 when a signal
 * stopped it.
 */
static int wait_failed(struct qemu *q, const struct options *o,
    enum qemu_wait r, const char *text)
{
	char end[128];

	switch (r) {
	case QEMU_TIMEOUT:
		qemu_kill(q);
		if (text)
			fprintf(stderr, "tboot: timeout: \"%s\" did not appear "
			    "on the serial console within %g s\n", text,
			    o->timeout);
		else
			fprintf(stderr, "tboot: timeout: the image did not "
			    "exit within %g s\n", o->timeout);
		return fail(q, EXIT_TIMEOUT);
	case QEMU_EXITED:
		fprintf(stderr, "tboot: \"%s\" never appeared: %s "
		    "after %.2f s\n",
		    text, qemu_end_text(q, end, sizeof(end)), elapsed(q));
		return fail(q, EXIT_UNSEEN);
	case QEMU_INTERRUPTED:
		return -1;
	default:
		return fail(q, EXIT_HARNESS);
	}
}

/* Maps how QEMU ended to tboot's exit status, saying what is worth saying. */
static int ended(struct qemu *q, const struct options *o)
{
	char end[128];
	int status;

	qemu_end_text(q, end, sizeof(end));
	if (o->verbose)
		fprintf(stderr, "tboot: %s after %.2f s\n", end, elapsed(q));
	switch (qemu_end(q, &status)) {
	case QEMU_END_STATUS:
		if (status != 0 && !o->verbose)
			fprintf(stderr, "tboot: %s\n", end);
		return status;
	case QEMU_END_RESET:
		if (!o->verbose)
			fprintf(stderr, "tboot: %s\n", end);
		return 0;
	case QEMU_END_POWEROFF:
	case QEMU_END_CLOSED:
		return 0;
	case QEMU_END_KILLED:
	case QEMU_END_ERROR:
		break;
	}
	if (!o->verbose)
		fprintf(stderr, "tboot: %s\n", end);
	return fail(q, EXIT_HARNESS);
}

/* Runs the actions, then waits for the end.  Returns the exit status or -1. */
static int run(struct qemu *q, const struct options *o)
{
	int64_t deadline = qemu_deadline(o->timeout);
	const struct action *a;
	enum qemu_wait r;
	int i;

	for (i = 0; i < o->nactions; i++) {
		a = &o->actions[i];
		switch (a->kind) {
		case ACT_EXPECT:
			r = qemu_expect(q, a->arg, deadline);
			if (r != QEMU_SEEN)
				return wait_failed(q, o, r, a->arg);
			if (o->verbose)
				fprintf(stderr, "tboot: \"%s\" seen "
				    "after %.2f s\n", a->arg, elapsed(q));
			break;
		case ACT_SCREENSHOT:
			if (qemu_screendump(q, a->arg) < 0)
				return qemu_caught_signal() ? -1 : fail(q,
				    EXIT_HARNESS);
			break;
		case ACT_SENDKEY:
			if (qemu_sendkey(q, a->arg) < 0)
				return qemu_caught_signal() ? -1 : fail(q,
				    EXIT_HARNESS);
			break;
		case ACT_TYPE:
			if (qemu_serial_write(q, a->arg, strlen(a->arg)) < 0)
				return fail(q, EXIT_HARNESS);
			break;
		}
	}
	if (o->quit_after_expect) {
		qemu_kill(q);
		return 0;
	}
	r = qemu_wait_exit(q, deadline);
	if (r != QEMU_EXITED)
		return wait_failed(q, o, r, NULL);
	return ended(q, o);
}

/* Dies of the signal that interrupted tboot, as a shell expects. */
static void die_of_signal(int sig)
{
	fprintf(stderr, "tboot: stopped by %s; QEMU killed\n", strsignal(sig));
	signal(sig, SIG_DFL);
	raise(sig);
	exit(128 + sig);
}

/* Parses the options, boots the image, runs the actions, reports the end. */
int main(int argc, char **argv)
{
	struct options o;
	struct qemu *q;
	int status;

	memset(&o, 0, sizeof(o));
	status = parse_args(&o, argc, argv);
	if (status) {
		free(o.actions);
		return status == 1 ? 0 : status;
	}
	if (qemu_catch_signals() < 0) {
		free(o.actions);
		return EXIT_HARNESS;
	}
	q = qemu_start(&o.cfg);
	if (!q)
		status = EXIT_HARNESS;
	else {
		status = run(q, &o);
		if (o.verbose && qemu_first_output_ms(q) >= 0)
			fprintf(stderr, "tboot: first serial output came %.2f "
			    "s after the guest started\n",
			    (double)qemu_first_output_ms(q) / 1000);
		qemu_close(q);
	}
	free(o.actions);
	if (qemu_caught_signal())
		die_of_signal(qemu_caught_signal());
	return status;
}
