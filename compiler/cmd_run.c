/*
 * terrarium run: boots an image under QEMU+OVMF (compiler/qemu.h) so that
 * it behaves like a program on this terminal: its stdout on ours (COM2),
 * its stderr on ours (COM3), our stdin fed to it when it is not a
 * terminal, and its exit status ours.  The firmware's and kernel's own
 * messages (COM1) are shown with --verbose, or as a tail when the run
 * fails.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compiler/commands.h"
#include "compiler/opts.h"
#include "compiler/qemu.h"
#include "compiler/runline.h"
#include "compiler/strlist.h"

#define EXIT_TIMEOUT	124
#define EXIT_QEMU	125
#define PANIC_STATUS	70	/* the kernel's crash status (kernel/panic.h) */
#define TAIL_LINES	25
/* What the kernel prints on COM1 once the program's COM2/COM3 are set up,
   just before the program runs (runtime/start.c); before it, COM2 carries
   the firmware's console. */
#define PROGRAM_STARTED	"program: started"
/* What the kernel reads as the end of the program's input (soil/stdio.c). */
#define END_OF_INPUT	0x04

enum { O_MEM = 1, O_TIMEOUT, O_DISPLAY, O_VERBOSE, O_ENV, O_KERNEL_ARGS,
	O_HELP };

static const struct opt opts[] = {
	{ O_MEM, "mem", 'm', "MIB",
	    "the machine's memory in MiB (default 512)" },
	{ O_TIMEOUT, "timeout", 't', "S", "stop the machine after S seconds "
	    "and exit 124\n(default 0: never)" },
	{ O_ENV, "env", 'e', "NAME=value", "an environment variable for the "
	    "program\n(NAME of A-Z, 0-9, _); repeatable" },
	{ O_KERNEL_ARGS, "kernel-args", 0, "TEXT", "kernel options, e.g. "
	    "\"video=1024x768\", or\n\"poweroff\" to boot an image without a "
	    "program\nand end after the banner" },
	{ O_DISPLAY, "display", 0, NULL, "show the screen in a window (needs a "
	    "display\nand Debian's qemu-system-gui)" },
	{ O_VERBOSE, "verbose", 'v', NULL, "show the firmware's and kernel's "
	    "messages (COM1)\non stderr" },
	{ O_HELP, "help", 'h', NULL, "this text" },
	{ 0, NULL, 0, NULL, NULL },
};

static const char usage[] =
"usage: terrarium run [--mem MIB] [--timeout S] [-e NAME=value ...]\n"
"                     [--kernel-args TEXT] [--display] [--verbose]\n"
"                     IMAGE [-- ARG...]\n";

static const char about[] =
"Boots IMAGE under QEMU with OVMF (TCG: the firmware takes about 4 s) as\n"
"if it were a program run here: ARGs are its arguments, its stdout and\n"
"stderr are this command's (byte for byte), this command's stdin is fed\n"
"to it when it is not a terminal, and the exit status is the program's.\n"
"Without --display the machine has no window.\n";

static const char footer[] =
"Exit status: the program's (0 also when it powered the machine off), 70\n"
"when the kernel stopped on a crash (its report is shown), 124 on\n"
"--timeout, 125 when QEMU failed or the machine reset, 2 a usage mistake,\n"
"128+N when stopped by signal N (QEMU is stopped first).\n";

struct run {
	struct qemu_config cfg;
	struct strlist env;
	const char *kernel_args;
	double timeout;
	int display;
	int verbose;
};

/* Parses a number in [min, max].  Returns 0, or -1. */
static int parse_number(const char *s, double min, double max, double *v)
{
	char *end;

	*v = strtod(s, &end);
	return end == s || *end || !(*v >= min && *v <= max) ? -1 : 0;
}

/* Takes one option.  Returns 0, or an exit status to stop with. */
static int take_option(struct run *r, struct opt_state *s, int id,
    const char *v)
{
	double n;

	switch (id) {
	case O_MEM:
		if (parse_number(v, 64, 1 << 20, &n) < 0 || n != (unsigned)n)
			return opt_usage_error(s, "--mem wants whole MiB from "
			    "64, not %s", v);
		r->cfg.mem_mb = (unsigned)n;
		break;
	case O_TIMEOUT:
		if (parse_number(v, 0, 1e6, &r->timeout) < 0)
			return opt_usage_error(s, "--timeout wants seconds (0 "
			    "for never), not %s", v);
		break;
	case O_ENV:
		if (!runline_is_env(v))
			return opt_usage_error(s, "-e wants NAME=value with "
			    "NAME of A-Z, 0-9 and _ starting with a letter, "
			    "not %s", v);
		if (strlist_add(&r->env, v) < 0)
			return EXIT_QEMU;
		break;
	case O_KERNEL_ARGS:
		r->kernel_args = v;
		break;
	case O_DISPLAY:
		r->display = 1;
		break;
	case O_VERBOSE:
		r->verbose = 1;
		break;
	}
	return 0;
}

/* Chooses the window for --display.  Returns 0, or EXIT_QEMU (said). */
static int choose_window(struct run *r)
{
	const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
	const char *backend;

	if (!r->display)
		return 0;
	if ((!x || !*x) && (!w || !*w)) {
		fprintf(stderr, "terrarium run: cannot show a window: neither "
		    "$DISPLAY nor $WAYLAND_DISPLAY is set\n");
		return EXIT_QEMU;
	}
	backend = qemu_window_backend(r->cfg.qemu);
	if (!backend) {
		fprintf(stderr, "terrarium run: cannot show a window: QEMU has "
		    "no gtk or sdl display (install qemu-system-gui)\n");
		return EXIT_QEMU;
	}
	r->cfg.video = QEMU_VIDEO_WINDOW;
	r->cfg.window = backend;
	return 0;
}

/* Shows the end of COM1 after a failure, unless it was all shown. */
static void show_tail(const struct run *r, const struct qemu *q)
{
	if (r->verbose)
		return;
	fprintf(stderr, "terrarium run: the last messages of the firmware and "
	    "kernel:\n");
	qemu_print_tail(q, stderr, TAIL_LINES);
}

/* Maps how the run ended to the exit status, saying what needs saying. */
static int ended(const struct run *r, struct qemu *q, enum qemu_wait w)
{
	char end[128];
	const char *log;
	size_t len;
	int status;

	switch (w) {
	case QEMU_TIMEOUT:
		qemu_kill(q);
		fprintf(stderr, "terrarium run: %s did not finish within %g s; "
		    "stopped\n", r->cfg.image, r->timeout);
		return EXIT_TIMEOUT;
	case QEMU_INTERRUPTED:
		return -1;
	case QEMU_SEEN:
	case QEMU_FAILED:
		qemu_kill(q);
		show_tail(r, q);
		return EXIT_QEMU;
	case QEMU_EXITED:
		break;
	}
	qemu_end_text(q, end, sizeof(end));
	switch (qemu_end(q, &status)) {
	case QEMU_END_STATUS:
		if (status == PANIC_STATUS) {
			fprintf(stderr, "terrarium run: the kernel stopped on "
			    "a crash (status 70)\n");
			show_tail(r, q);
			return status;
		}
		log = qemu_serial(q, &len);
		return runline_exit_status(log, len, status);
	case QEMU_END_POWEROFF:
	case QEMU_END_CLOSED:
		return 0;
	case QEMU_END_RESET:
	case QEMU_END_KILLED:
	case QEMU_END_ERROR:
		break;
	}
	fprintf(stderr, "terrarium run: %s\n", end);
	show_tail(r, q);
	return EXIT_QEMU;
}

/* Boots the image and waits for its end.  Returns the exit status. */
static int boot(struct run *r)
{
	struct qemu *q;
	int status, sig;

	if (qemu_catch_signals() < 0)
		return EXIT_QEMU;
	q = qemu_start(&r->cfg);
	if (!q)
		return EXIT_QEMU;
	status = ended(r, q, qemu_wait_exit(q, qemu_deadline(r->timeout)));
	qemu_close(q);
	sig = qemu_caught_signal();
	if (sig) {
		fprintf(stderr, "terrarium run: stopped by %s; QEMU stopped\n",
		    strsignal(sig));
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
	return status;
}

/* Boots an image as a program: the run command. */
int cmd_run(int argc, char **argv)
{
	struct run r;
	struct opt_state s;
	const char *v, *bad;
	char *line = NULL;
	int id, status = EXIT_USAGE;

	memset(&r, 0, sizeof(r));
	qemu_config_init(&r.cfg);
	opt_init(&s, "terrarium run", opts, argc, argv);
	while ((id = opt_next(&s, &v)) != OPT_DONE) {
		if (id == OPT_ERROR)
			goto out;
		if (id == O_HELP) {
			opt_help(stdout, usage, about, opts, footer);
			status = 0;
			goto out;
		}
		if (id == OPT_OPERAND && r.cfg.image) {
			status = opt_usage_error(&s, "one image at a time "
			    "(program arguments go after --): %s", v);
			goto out;
		}
		if (id == OPT_OPERAND)
			r.cfg.image = v;
		else if ((status = take_option(&r, &s, id, v)) != 0)
			goto out;
		status = EXIT_USAGE;
	}
	if (!r.cfg.image) {
		status = opt_usage_error(&s, "no image to run");
		goto out;
	}
	if (access(r.cfg.image, R_OK) != 0) {
		fprintf(stderr, "terrarium run: cannot read %s: %s\n",
		    r.cfg.image, strerror(errno));
		goto out;
	}
	line = runline_build(r.kernel_args, r.env.v, (int)r.env.n,
	    argv + s.next, argc - s.next, &bad);
	if (!line) {
		if (bad)
			status = opt_usage_error(&s, "the argument %s holds a "
			    "double quote, which the image's command line "
			    "cannot carry", bad);
		else
			fprintf(stderr, "terrarium run: out of memory\n");
		goto out;
	}
	r.cfg.append = line;
	/* QEMU's default CPU lacks RDRAND/RDSEED, which getrandom and
	   /dev/urandom draw on; TCG's "max" model has them. */
	r.cfg.cpu = "max";
	r.cfg.nports = 2;
	r.cfg.ports[0].out_fd = STDOUT_FILENO;
	r.cfg.ports[0].in_fd = isatty(STDIN_FILENO) ? -1 : STDIN_FILENO;
	r.cfg.ports[0].end_byte = END_OF_INPUT;
	r.cfg.ports[1].out_fd = STDERR_FILENO;
	r.cfg.ports_after = PROGRAM_STARTED;
	r.cfg.echo_fd = r.verbose ? STDERR_FILENO : -1;
	status = choose_window(&r);
	if (status == 0)
		status = boot(&r);
out:
	free(line);
	strlist_free(&r.env);
	return status;
}
