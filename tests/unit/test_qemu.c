/*
 * The pure parts of the QEMU harness: QEMU's command line, the exit status
 * mapping, the serial stream search, plain text for the failure tail, the
 * display list, and the JSON of the QMP monitor.
 */
#include <stdlib.h>
#include <string.h>
#include "compiler/qemu.h"
#include "compiler/qmp.h"
#include "tests/unit/check.h"

/* Returns the index of argument a followed by b (b NULL: a alone), or -1. */
static int find_arg(char **argv, const char *a, const char *b)
{
	int i;

	for (i = 0; argv[i]; i++)
		if (strcmp(argv[i], a) == 0 &&
		    (!b || (argv[i + 1] && strcmp(argv[i + 1], b) == 0)))
			return i;
	return -1;
}

/* Returns the number of arguments. */
static int count_args(char **argv)
{
	int n = 0;

	while (argv[n])
		n++;
	return n;
}

/*
 * The arguments with nothing asked: q35 under TCG, no KVM, default memory
 * and devices.
 */
static void test_args_default(void)
{
	struct qemu_config c;
	char **a;

	qemu_config_init(&c);
	c.image = "/img/BOOTX64.EFI";
	a = qemu_build_args(&c, "/t/vars.fd", "/t/fat", 5, 7, NULL);
	CHECK(a != NULL);
	if (!a)
		return;
	CHECK(strcmp(a[0], "qemu-system-x86_64") == 0);
	CHECK(find_arg(a, "-nodefaults", NULL) > 0);
	CHECK(find_arg(a, "-machine", "q35") > 0);
	CHECK(find_arg(a, "-accel", "tcg") > 0);
	CHECK(find_arg(a, "-enable-kvm", NULL) < 0);
	CHECK(find_arg(a, "-cpu", NULL) < 0);
	CHECK(find_arg(a, "-m", "512") > 0);
	CHECK(find_arg(a, "-no-reboot", NULL) > 0);
	CHECK(find_arg(a, "-S", NULL) > 0);
	CHECK(find_arg(a, "-drive",
	    "if=pflash,format=raw,unit=0,readonly=on,"
	    "file=/usr/share/OVMF/OVMF_CODE_4M.fd") > 0);
	CHECK(find_arg(a, "-drive",
	    "if=pflash,format=raw,unit=1,file=/t/vars.fd") > 0);
	CHECK(find_arg(a, "-device",
	    "isa-debug-exit,iobase=0xf4,iosize=0x04") > 0);
	CHECK(find_arg(a, "-chardev", "socket,id=serial0,fd=5") > 0);
	CHECK(find_arg(a, "-serial", "chardev:serial0") > 0);
	CHECK(find_arg(a, "-chardev", "socket,id=qmp0,fd=7") > 0);
	CHECK(find_arg(a, "-mon", "chardev=qmp0,mode=control") > 0);
	CHECK(find_arg(a, "-display", "none") > 0);
	CHECK(find_arg(a, "-device", "VGA") > 0);
	CHECK(find_arg(a, "-kernel", "/img/BOOTX64.EFI") > 0);
	CHECK(find_arg(a, "-append", NULL) < 0);
	CHECK(find_arg(a, "fat:rw:/t/fat", NULL) < 0);
	qemu_free_args(a);
}

/* Each option's arguments, and the extra arguments last in order. */
static void test_args_options(void)
{
	char *extra[] = {
		"-netdev", "user,id=n0", "-device", "e1000,netdev=n0", NULL
	};
	struct qemu_config c;
	char **a;
	int n;

	qemu_config_init(&c);
	c.image = "/img/x.efi";
	c.append = "video=800x600 hello, world";
	c.mem_mb = 64;
	c.cpu = "max";
	c.machine = "pc";
	c.reboot = 1;
	c.qemu = "/opt/qemu";
	c.extra = extra;
	a = qemu_build_args(&c, "/t,mp/vars.fd", "/t/fat", 3, 4, NULL);
	CHECK(a != NULL);
	if (!a)
		return;
	n = count_args(a);
	CHECK(strcmp(a[0], "/opt/qemu") == 0);
	CHECK(find_arg(a, "-append", "video=800x600 hello, world") > 0);
	CHECK(find_arg(a, "-m", "64") > 0);
	CHECK(find_arg(a, "-cpu", "max") > 0);
	CHECK(find_arg(a, "-machine", "pc") > 0);
	CHECK(find_arg(a, "-no-reboot", NULL) < 0);
	/* A comma inside a key=value option is doubled. */
	CHECK(find_arg(a, "-drive",
	    "if=pflash,format=raw,unit=1,file=/t,,mp/vars.fd") > 0);
	/* The extra arguments come last, in order. */
	CHECK(n >= 4 && strcmp(a[n - 4], "-netdev") == 0 &&
	    strcmp(a[n - 3], "user,id=n0") == 0 &&
	    strcmp(a[n - 2], "-device") == 0 &&
	    strcmp(a[n - 1], "e1000,netdev=n0") == 0);
	qemu_free_args(a);
}

/* How each boot medium and display choice turns into drives and devices. */
static void test_args_boot_and_video(void)
{
	struct qemu_config c;
	char **a;
	int i, drives;

	qemu_config_init(&c);
	c.boot = QEMU_BOOT_EFI;
	c.image = "/img/x.efi";
	c.video = QEMU_VIDEO_NONE;
	a = qemu_build_args(&c, "/t/vars.fd", "/t/fat", 3, 4, NULL);
	CHECK(a && find_arg(a, "-drive",
	    "format=raw,media=disk,file=fat:rw:/t/fat") > 0);
	CHECK(a && find_arg(a, "-kernel", NULL) < 0);
	CHECK(a && find_arg(a, "VGA", NULL) < 0);
	CHECK(a && find_arg(a, "-display", "none") > 0);
	qemu_free_args(a);

	c.boot = QEMU_BOOT_DISK;
	c.image = "/img/a,b.img";
	c.video = QEMU_VIDEO_WINDOW;
	c.window = "gtk";
	a = qemu_build_args(&c, "/t/vars.fd", "/t/fat", 3, 4, NULL);
	CHECK(a && find_arg(a, "-drive",
	    "format=raw,media=disk,file=/img/a,,b.img") > 0);
	CHECK(a && find_arg(a, "fat:rw:/t/fat", NULL) < 0);
	CHECK(a && find_arg(a, "-display", "gtk") > 0);
	CHECK(a && find_arg(a, "none", NULL) < 0);
	CHECK(a && find_arg(a, "-device", "VGA") > 0);
	qemu_free_args(a);

	/* A window of QEMU's own choice: no -display at all. */
	c.window = NULL;
	a = qemu_build_args(&c, "/t/vars.fd", "/t/fat", 3, 4, NULL);
	CHECK(a && find_arg(a, "-display", NULL) < 0);
	qemu_free_args(a);

	/* A USB stick: the image behind usb-storage on an xHCI controller,
	   not a plain disk. */
	c.boot = QEMU_BOOT_USB;
	c.image = "/img/s,t.img";
	a = qemu_build_args(&c, "/t/vars.fd", "/t/fat", 3, 4, NULL);
	CHECK(a && find_arg(a, "-device", "qemu-xhci,id=xhci") > 0);
	CHECK(a && find_arg(a, "-drive", "if=none,id=stick,format=raw,"
	    "file=/img/s,,t.img") > 0);
	CHECK(a && find_arg(a, "-device",
	    "usb-storage,bus=xhci.0,drive=stick,removable=on") > 0);
	CHECK(a && find_arg(a, "-drive", "format=raw,media=disk,"
	    "file=/img/s,,t.img") < 0);
	qemu_free_args(a);

	/* No image: only the firmware's two flash drives. */
	c.boot = QEMU_BOOT_NONE;
	c.image = NULL;
	a = qemu_build_args(&c, "/t/vars.fd", "/t/fat", 3, 4, NULL);
	for (i = drives = 0; a && a[i]; i++)
		drives += strcmp(a[i], "-drive") == 0;
	CHECK(a && drives == 2);
	CHECK(a && find_arg(a, "-kernel", NULL) < 0);
	qemu_free_args(a);
}

/* Further serial ports follow COM1 in order: COM2, then COM3. */
static void test_args_ports(void)
{
	struct qemu_config c;
	const int fds[2] = { 9, 11 };
	char **a;
	int com1, com2, com3;

	qemu_config_init(&c);
	CHECK(c.nports == 0 && c.ports[0].out_fd == -1 &&
	    c.ports[0].in_fd == -1);
	c.image = "/img/BOOTX64.EFI";
	c.nports = 2;
	a = qemu_build_args(&c, "/t/vars.fd", "/t/fat", 5, 7, fds);
	CHECK(a != NULL);
	if (!a)
		return;
	CHECK(find_arg(a, "-chardev", "socket,id=serial1,fd=9") > 0);
	CHECK(find_arg(a, "-chardev", "socket,id=serial2,fd=11") > 0);
	com1 = find_arg(a, "-serial", "chardev:serial0");
	com2 = find_arg(a, "-serial", "chardev:serial1");
	com3 = find_arg(a, "-serial", "chardev:serial2");
	CHECK(com1 > 0 && com2 > com1 && com3 > com2);
	CHECK(find_arg(a, "-chardev", "socket,id=serial3,fd=0") < 0);
	qemu_free_args(a);
}

/*
 * Turning QEMU's wait status and shutdown reason into how the run ended and
 * the program's status.
 */
static void test_map_exit(void)
{
	int st;

	/* waitpid statuses: exit code c is c << 8, a signal its number. */
	CHECK(qemu_map_exit(15 << 8, "", &st) == QEMU_END_STATUS && st == 7);
	CHECK(qemu_map_exit(1 << 8, "", &st) == QEMU_END_STATUS && st == 0);
	CHECK(qemu_map_exit(255 << 8, "", &st) == QEMU_END_STATUS && st == 127);
	CHECK(qemu_map_exit(0, "guest-shutdown", &st) == QEMU_END_POWEROFF &&
	    st == 0);
	CHECK(qemu_map_exit(0, "guest-reset", &st) == QEMU_END_RESET &&
	    st == 0);
	CHECK(qemu_map_exit(0, "host-ui", &st) == QEMU_END_CLOSED && st == 0);
	CHECK(qemu_map_exit(0, "", &st) == QEMU_END_CLOSED && st == 0);
	CHECK(qemu_map_exit(2 << 8, "", &st) == QEMU_END_ERROR && st == -1);
	CHECK(qemu_map_exit(11, "", &st) == QEMU_END_ERROR && st == -1);
	CHECK(qemu_map_exit(9, "guest-shutdown", &st) == QEMU_END_ERROR &&
	    st == -1);
}

/* Searching a stream of output that keeps only its newest bytes. */
static void test_stream(void)
{
	struct qemu_stream s = { NULL, 0, 0, 64, 0 };
	char chunk[40];
	int i;

	CHECK(qemu_stream_find(&s, 0, "x") == -1);
	CHECK(qemu_stream_add(&s, "boot: hel", 9) == 0);
	CHECK(qemu_stream_find(&s, 0, "hello") == -1);
	/* A match split across two reads. */
	CHECK(qemu_stream_add(&s, "lo\nhello\n", 9) == 0);
	CHECK(qemu_stream_find(&s, 0, "hello") == 11);
	/* The second one, searching after the first. */
	CHECK(qemu_stream_find(&s, 11, "hello") == 17);
	CHECK(qemu_stream_find(&s, 17, "hello") == -1);
	CHECK(qemu_stream_find(&s, 12, "") == 12);
	CHECK(qemu_stream_find(&s, 100, "") == -1);

	/* Past keep bytes the oldest go; offsets stay those of the stream. */
	memset(chunk, '.', sizeof(chunk));
	for (i = 0; i < 3; i++)
		CHECK(qemu_stream_add(&s, chunk, sizeof(chunk)) == 0);
	CHECK(s.len <= s.keep);
	CHECK(s.dropped + s.len == 18 + 3 * sizeof(chunk));
	CHECK(qemu_stream_find(&s, 0, "hello") == -1);
	CHECK(qemu_stream_add(&s, "END", 3) == 0);
	CHECK(qemu_stream_find(&s, 0, "END") ==
	    (int64_t)(18 + 3 * sizeof(chunk) + 3));
	CHECK(qemu_stream_find(&s, 0, "..END") > 0);

	/* One write bigger than keep keeps its own newest bytes. */
	{
		char big[200];

		memset(big, 'a', sizeof(big));
		memcpy(big + sizeof(big) - 4, "TAIL", 4);
		CHECK(qemu_stream_add(&s, big, sizeof(big)) == 0);
		CHECK(s.len == s.keep / 2);
		CHECK(s.data[s.len - 1] == 'L');
		CHECK(qemu_stream_find(&s, 0, "END") == -1);
		CHECK(qemu_stream_find(&s, 0, "TAIL") ==
		    (int64_t)(18 + 3 * sizeof(chunk) + 3 + sizeof(big)));
	}
	qemu_stream_free(&s);

	/* Small writes past keep: the kept bytes move to the front. */
	s.keep = 16;
	s.dropped = 0;
	for (i = 0; i < 4; i++)
		CHECK(qemu_stream_add(&s, "abcdefghijklmnopqrst" + 5 * i,
		    5) == 0);
	CHECK(s.len == 8 && memcmp(s.data, "mnopqrst", 8) == 0);
	CHECK(s.dropped == 12);
	CHECK(qemu_stream_find(&s, 0, "mnop") == 16);
	CHECK(qemu_stream_find(&s, 0, "lmn") == -1);
	CHECK(qemu_stream_find(&s, 13, "nop") == 16);
	CHECK(qemu_stream_find(&s, 14, "nop") == -1);
	qemu_stream_free(&s);
}

/*
 * The firmware's screen text with escape sequences taken out and control
 * bytes shown as '?'.
 */
static void test_plain_text(void)
{
	const char ovmf[] = "\x1b[2J\x1b[01;01H\x1b[=3h\x1b[2J\x1b[01;01Hhi\r\n"
	    "a\tb\x07" "c\x1b(Bd\xc3\xa9\n\x1b[1;3";
	char out[sizeof(ovmf)];
	size_t n;

	n = qemu_plain_text(ovmf, sizeof(ovmf) - 1, out);
	CHECK(n == 12 && memcmp(out, "hi\na\tb?cd\xc3\xa9\n", 12) == 0);
	CHECK(qemu_plain_text("\x1b", 1, out) == 0);
	CHECK(qemu_plain_text("x\x7fy", 3, out) == 3 &&
	    memcmp(out, "x?y", 3) == 0);
}

/* Which window display QEMU's list offers, if any. */
static void test_displays(void)
{
	CHECK(qemu_parse_displays("Available display backend types:\nnone\n"
	    "curses\nsdl\ngtk\n") != NULL);
	CHECK(strcmp(qemu_parse_displays("none\nsdl\ngtk"), "gtk") == 0);
	CHECK(strcmp(qemu_parse_displays("none\nsdl\n"), "sdl") == 0);
	CHECK(qemu_parse_displays("none\negl-headless\ncurses\nspice-app\n"
	    "dbus\n") == NULL);
	CHECK(qemu_parse_displays("gtkx\n sdl\n") == NULL);
	CHECK(qemu_parse_displays("") == NULL);
}

/* Quoting a string for QMP's JSON. */
static void test_quote(void)
{
	const char *s = "a \"b\"\\c\nd\x01";
	char out[64];

	CHECK(qmp_quoted_size(s) <= sizeof(out));
	qmp_quote(s, out);
	CHECK(strcmp(out, "\"a \\\"b\\\"\\\\c\\nd\\u0001\"") == 0);
	CHECK(qmp_quoted_size(s) == strlen(out) + 1);
	qmp_quote("", out);
	CHECK(strcmp(out, "\"\"") == 0);
}

/* Finding a top-level member in a QMP reply. */
static void test_member(void)
{
	const char greeting[] = "{\"QMP\": {\"version\": "
	    "{\"qemu\": {\"micro\": 22}}, "
	    "\"capabilities\": [\"oob\"]}}\r\n";
	const char err[] = "{\"error\": {\"class\": \"GenericError\", "
	    "\"desc\": \"There is no console\"}}\r\n";
	const char ev[] = "{\"timestamp\": "
	    "{\"seconds\": 1, \"microseconds\": 2}, "
	    "\"event\": \"SHUTDOWN\", \"data\": {\"guest\": true, "
	    "\"reason\": \"guest-reset\"}}";
	const char *v, *d;
	size_t vlen, dlen;
	char text[64];

	v = qmp_member(greeting, strlen(greeting), "QMP", &vlen);
	CHECK(v && v[0] == '{' && v[vlen - 1] == '}');
	CHECK(!qmp_member(greeting, strlen(greeting), "return", &vlen));
	/* A nested member is not a top-level one. */
	CHECK(!qmp_member(greeting, strlen(greeting), "qemu", &vlen));

	v = qmp_member("{\"return\": {}}", 14, "return", &vlen);
	CHECK(v && vlen == 2 && memcmp(v, "{}", 2) == 0);

	v = qmp_member(err, strlen(err), "error", &vlen);
	d = v ? qmp_member(v, vlen, "desc", &dlen) : NULL;
	CHECK(d && qmp_string(d, dlen, text, sizeof(text)) == 0 &&
	    strcmp(text, "There is no console") == 0);

	v = qmp_member(ev, strlen(ev), "event", &vlen);
	CHECK(v && vlen == 10 && memcmp(v, "\"SHUTDOWN\"", 10) == 0);
	v = qmp_member(ev, strlen(ev), "data", &vlen);
	d = v ? qmp_member(v, vlen, "reason", &dlen) : NULL;
	CHECK(d && qmp_string(d, dlen, text, sizeof(text)) == 0 &&
	    strcmp(text, "guest-reset") == 0);
	v = qmp_member(ev, strlen(ev), "data", &vlen);
	CHECK(v && qmp_member(v, vlen, "guest", &dlen) && dlen == 4);

	/* Malformed objects find nothing. */
	CHECK(!qmp_member("{\"return\": {}", 13, "return", &vlen));
	CHECK(!qmp_member("{\"return\" {}}", 13, "return", &vlen));
	CHECK(!qmp_member("{\"return\": {}} x", 16, "return", &vlen));
	CHECK(!qmp_member("{\"return\": \"a}", 14, "return", &vlen));
	CHECK(!qmp_member("[\"return\"]", 10, "return", &vlen));
	CHECK(!qmp_member("{\"a\": 1,}", 9, "a", &vlen));
	CHECK(!qmp_member("{\"a\": [1 2]}", 12, "a", &vlen));
	CHECK(!qmp_member("{\"a\": }", 7, "a", &vlen));
	CHECK(!qmp_member("{}", 2, "a", &vlen));
	CHECK(!qmp_member("", 0, "a", &vlen));
	/* A quote escaped inside a string does not end it. */
	v = qmp_member("{\"a\": \"x\\\"}\", \"b\": 1}", 21, "b", &vlen);
	CHECK(v && vlen == 1 && *v == '1');
}

/* Reading a JSON string with its escapes. */
static void test_string(void)
{
	char out[16];

	CHECK(qmp_string("\"a\\n\\t\\\"\\\\\\/b\"", 14, out,
	    sizeof(out)) == 0 &&
	    strcmp(out, "a\n\t\"\\/b") == 0);
	CHECK(qmp_string("\"\\u00e9\"", 8, out, sizeof(out)) == 0 &&
	    strcmp(out, "\xc3\xa9") == 0);
	CHECK(qmp_string("\"\\ud83d\\ude00\"", 14, out, sizeof(out)) == 0 &&
	    strcmp(out, "\xf0\x9f\x98\x80") == 0);
	CHECK(qmp_string("\"\xc3\xa9\"", 4, out, sizeof(out)) == 0 &&
	    strcmp(out, "\xc3\xa9") == 0);
	CHECK(qmp_string("\"\\ud83d\"", 8, out, sizeof(out)) < 0);
	CHECK(qmp_string("\"\\ude00\"", 8, out, sizeof(out)) < 0);
	CHECK(qmp_string("\"\\x\"", 4, out, sizeof(out)) < 0);
	CHECK(qmp_string("\"\\u12\"", 6, out, sizeof(out)) < 0);
	CHECK(qmp_string("\"a\nb\"", 5, out, sizeof(out)) < 0);
	CHECK(qmp_string("\"a\"b\"", 5, out, sizeof(out)) < 0);
	CHECK(qmp_string("abc", 3, out, sizeof(out)) < 0);
	CHECK(qmp_string("\"", 1, out, sizeof(out)) < 0);
	/* A long text is cut to fit, NUL-terminated. */
	CHECK(qmp_string("\"0123456789abcdefghij\"", 22, out,
	    sizeof(out)) == 0 &&
	    strcmp(out, "0123456789abcde") == 0);
}

/* Runs the QEMU launcher cases; the status is check_report's. */
int main(void)
{
	test_args_default();
	test_args_options();
	test_args_boot_and_video();
	test_args_ports();
	test_map_exit();
	test_stream();
	test_plain_text();
	test_displays();
	test_quote();
	test_member();
	test_string();
	return check_report("qemu");
}
