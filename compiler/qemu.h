/*
 * Run a UEFI image under QEMU with OVMF and drive it: the serial console
 * (read as it comes, searched for expected text), the QMP monitor
 * (screendumps, keys), and the image's exit status.
 *
 * Every run is TCG, starts paused until the monitor is up (so no output is
 * lost), and gets a private temporary directory for its copy of the OVMF
 * variable store, its FAT directory and QEMU's own temporary files; closing
 * the run removes it.  QEMU dies with the process that started it, and
 * qemu_catch_signals() makes SIGINT, SIGTERM, SIGHUP and SIGQUIT kill it
 * first.
 *
 * Errors are reported on stderr as a sentence starting with "qemu: ".
 */
#ifndef COMPILER_QEMU_H
#define COMPILER_QEMU_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define QEMU_DEFAULT_BINARY	"qemu-system-x86_64"
#define QEMU_DEFAULT_MACHINE	"q35"
#define QEMU_DEFAULT_MEM_MB	512
#define QEMU_OVMF_CODE		"/usr/share/OVMF/OVMF_CODE_4M.fd"
#define QEMU_OVMF_VARS		"/usr/share/OVMF/OVMF_VARS_4M.fd"

/* isa-debug-exit: a guest write of v to this port ends QEMU with (v<<1)|1. */
#define QEMU_EXIT_PORT		0xf4

/* A deadline that never passes. */
#define QEMU_FOREVER		INT64_MAX

enum qemu_boot {
	QEMU_BOOT_KERNEL,	/* OVMF loads image through fw_cfg; append
				   becomes its LoadOptions */
	QEMU_BOOT_EFI,		/* image copied to a private FAT directory as
				   EFI/BOOT/BOOTX64.EFI */
	QEMU_BOOT_FAT,		/* image is a directory, served as a FAT disk
				   the guest may write to */
	QEMU_BOOT_DISK,		/* image is a raw disk image */
	QEMU_BOOT_USB,		/* image is a raw disk image, attached as a USB
				   stick is: usb-storage on qemu-xhci */
	QEMU_BOOT_NONE,		/* no image: the firmware boots from a device
				   in extra (a NIC, a CD) */
};

enum qemu_video {
	QEMU_VIDEO_HEADLESS,	/* a VGA device (so there is GOP), no display */
	QEMU_VIDEO_NONE,	/* no graphics device at all */
	QEMU_VIDEO_WINDOW,	/* a VGA device shown in a window */
};

/* Serial ports after COM1 a run can have: COM2, COM3, COM4. */
#define QEMU_MAX_PORTS		3

/* A serial port after COM1, wired to the caller's descriptors. */
struct qemu_port {
	int out_fd;		/* the guest's bytes on the port are copied
				   here as they come; -1: dropped */
	int in_fd;		/* bytes read from here (to its end) are sent
				   to the port as the guest takes them; -1:
				   none */
	int end_byte;		/* sent once in_fd ends (the guest's end of
				   file, such as 0x04); -1: none */
};

struct qemu_config {
	enum qemu_boot boot;
	const char *image;	/* file or directory, per boot; NULL for
				   QEMU_BOOT_NONE */
	const char *append;	/* QEMU_BOOT_KERNEL only; NULL for none */
	unsigned mem_mb;
	const char *machine;
	const char *cpu;	/* NULL: QEMU's default CPU */
	enum qemu_video video;
	const char *window;	/* "gtk", "sdl"; NULL: QEMU's choice */
	int reboot;		/* non-zero: a reset reboots (no -no-reboot) */
	int echo_fd;		/* gets serial output as it comes; -1: none */
	const char *serial_log;	/* file for the serial output; NULL: none */
	struct qemu_port ports[QEMU_MAX_PORTS];	/* COM2 on */
	int nports;		/* how many of ports[] the machine has */
	const char *ports_after;	/* until this text appears on COM1 the
				   ports' output is dropped and no input is
				   sent: OVMF uses COM2 as a console too (the
				   image says on COM1 when its part starts);
				   NULL: no wait */
	char *const *extra;	/* NULL or more QEMU arguments, NULL-ended */
	const char *qemu;	/* QEMU binary, looked up in PATH */
	const char *ovmf_code;
	const char *ovmf_vars;	/* template, copied for each run */
};

/* How a finished QEMU ended. */
enum qemu_end {
	QEMU_END_STATUS,	/* the image wrote a status to the exit port */
	QEMU_END_POWEROFF,	/* the guest powered off (status 0) */
	QEMU_END_RESET,		/* the guest reset with -no-reboot: a reset
				   request or a triple fault (status 0) */
	QEMU_END_CLOSED,	/* QEMU quit cleanly for another reason, such as
				   its window being closed (status 0) */
	QEMU_END_KILLED,	/* qemu_kill() or a caught signal ended it */
	QEMU_END_ERROR,		/* QEMU failed: an error status or a crash */
};

/* What a wait ended on. */
enum qemu_wait {
	QEMU_SEEN,		/* the expected text appeared */
	QEMU_EXITED,		/* QEMU is gone; see qemu_end() */
	QEMU_TIMEOUT,		/* the deadline passed */
	QEMU_INTERRUPTED,	/* a signal caught by qemu_catch_signals() */
	QEMU_FAILED,		/* the harness itself failed (said on stderr) */
};

struct qemu;

/* Fills c with the defaults: -kernel boot, headless VGA, no echo, no log,
   COM1 only. */
void qemu_config_init(struct qemu_config *c);

/*
 * Starts QEMU for c and lets the guest run.  Returns the run, or NULL when
 * QEMU could not be started (the reason is on stderr).
 */
struct qemu *qemu_start(const struct qemu_config *c);

/*
 * Waits until text appears in the serial output after the end of the
 * previous match, until QEMU exits, or until deadline (qemu_deadline()).
 * On QEMU_SEEN the next search starts after this match.
 */
enum qemu_wait qemu_expect(struct qemu *q, const char *text, int64_t deadline);

/* Waits, reading the serial output, until QEMU exits or deadline passes. */
enum qemu_wait qemu_wait_exit(struct qemu *q, int64_t deadline);

/*
 * Saves the screen to path: PNG when path ends in ".png", PPM otherwise.
 * Returns 0, or -1 (reason on stderr).
 */
int qemu_screendump(struct qemu *q, const char *path);

/*
 * Presses and releases keys together, named as QEMU's qcodes joined by
 * '-': "ret", "ctrl-alt-delete", "shift-a".  Returns 0, or -1.
 */
int qemu_sendkey(struct qemu *q, const char *keys);

/*
 * Runs the QMP command cmd (one JSON object).  On success returns 0 and,
 * when reply is not NULL, the whole reply line in *reply (free it).
 * Returns -1 when QEMU reports an error or is gone (reason on stderr).
 */
int qemu_qmp(struct qemu *q, const char *cmd, char **reply);

/* Sends bytes to the guest's serial port.  Returns 0, or -1. */
int qemu_serial_write(struct qemu *q, const void *buf, size_t len);

/* Kills QEMU if it still runs and waits for it. */
void qemu_kill(struct qemu *q);

/* Kills QEMU if it still runs, removes the temporary files, frees q. */
void qemu_close(struct qemu *q);

/*
 * How QEMU ended, with the image's status (0..127) in *status, or -1 when
 * there is none.  Only meaningful after QEMU_EXITED or qemu_kill().
 */
enum qemu_end qemu_end(const struct qemu *q, int *status);

/* Describes how QEMU ended in buf ("the guest powered off"); returns buf. */
const char *qemu_end_text(const struct qemu *q, char *buf, size_t size);

/* Returns the serial output kept so far (the last few MiB) and its length. */
const char *qemu_serial(const struct qemu *q, size_t *len);

/*
 * Prints the last lines of the serial output to f, without terminal
 * escape sequences, each line prefixed by "| ".
 */
void qemu_print_tail(const struct qemu *q, FILE *f, int lines);

/* Milliseconds since QEMU started the guest at which the first serial
   byte arrived, or -1 when none did yet. */
int64_t qemu_first_output_ms(const struct qemu *q);

/* Milliseconds since QEMU started the guest. */
int64_t qemu_elapsed_ms(const struct qemu *q);

/* Returns the monotonic clock in milliseconds. */
int64_t qemu_now_ms(void);

/* Returns the deadline seconds from now; QEMU_FOREVER when seconds <= 0. */
int64_t qemu_deadline(double seconds);

/*
 * Makes SIGINT, SIGTERM, SIGHUP and SIGQUIT kill every running QEMU and
 * end the current wait with QEMU_INTERRUPTED, and ignores SIGPIPE (a
 * closed echo stops the echo).  Returns 0, or -1.
 */
int qemu_catch_signals(void);

/* Returns the signal qemu_catch_signals() caught, or 0. */
int qemu_caught_signal(void);

/*
 * Returns the window display backend ("gtk" or "sdl") that the QEMU binary
 * offers, or NULL when it has none.
 */
const char *qemu_window_backend(const char *qemu);

/* Pure helpers, exposed for the unit test. */

/* The newest bytes of a stream (the serial output), at stream offsets. */
struct qemu_stream {
	char *data;
	size_t len, cap;
	size_t keep;		/* bytes kept at most; older ones are dropped */
	uint64_t dropped;	/* stream offset of data[0] */
};

/* Appends n bytes to s.  Returns 0, or -1 when out of memory. */
int qemu_stream_add(struct qemu_stream *s, const char *buf, size_t n);

/*
 * Finds text in s at or after stream offset from (or the oldest kept
 * byte).  Returns the stream offset just past the match, or -1.
 */
int64_t qemu_stream_find(const struct qemu_stream *s, uint64_t from,
    const char *text);

/* Frees the bytes of s. */
void qemu_stream_free(struct qemu_stream *s);

/*
 * Builds QEMU's argument vector for c, with the OVMF variable copy at vars,
 * the FAT directory at fatdir (QEMU_BOOT_EFI and QEMU_BOOT_FAT), the
 * serial and monitor sockets on descriptors serial_fd and qmp_fd and those
 * of c's further ports on port_fds[0..c->nports).  Returns a
 * NULL-terminated vector to free with qemu_free_args(), or NULL when out of
 * memory.
 */
char **qemu_build_args(const struct qemu_config *c, const char *vars,
    const char *fatdir, int serial_fd, int qmp_fd, const int *port_fds);

/* Frees a vector from qemu_build_args(). */
void qemu_free_args(char **argv);

/*
 * Maps a waitpid() status of QEMU and the reason of its last SHUTDOWN
 * event ("" for none) to how it ended; sets *status to the image's status
 * or -1.
 */
enum qemu_end qemu_map_exit(int wstatus, const char *reason, int *status);

/*
 * Copies text[0..len) to out (at least len bytes) without terminal escape
 * sequences and carriage returns, other control bytes but tab and newline
 * shown as '?'.  Returns the length written.
 */
size_t qemu_plain_text(const char *text, size_t len, char *out);

/*
 * Returns the window backend listed in the output of "qemu -display help",
 * preferring gtk, or NULL.
 */
const char *qemu_parse_displays(const char *help);

#endif
