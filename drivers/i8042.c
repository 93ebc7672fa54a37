/*
 * i8042 PS/2 controller, keyboard port.  Ports and bits as in
 * IBM's PC AT technical reference: data at 0x60, status (read) and
 * command (write) at 0x64.  The controller either translates the
 * keyboard's scancode set 2 into set 1 (configuration bit 6, what most
 * firmware leaves on) or passes set 2 through; the decoder follows.
 */
#include <stdbool.h>
#include "drivers/i8042.h"
#include "drivers/irq.h"
#include "drivers/keymap.h"
#include "kernel/cpu.h"
#include "kernel/idle.h"
#include "kernel/input.h"
#include "kernel/kprintf.h"

#define PORT_DATA	0x60
#define PORT_STATUS	0x64
#define PORT_COMMAND	0x64

#define ST_OUTPUT_FULL	0x01	/* a byte waits at PORT_DATA */
#define ST_INPUT_FULL	0x02	/* the controller has not taken our byte */
#define ST_AUX		0x20	/* the waiting byte is from the mouse port */

#define CMD_READ_CONFIG	0x20
#define CMD_WRITE_CONFIG 0x60
#define CMD_AUX_OFF	0xa7
#define CMD_KBD_OFF	0xad
#define CMD_KBD_ON	0xae

#define CFG_KBD_IRQ	0x01
#define CFG_AUX_IRQ	0x02
#define CFG_KBD_CLOCK_OFF 0x10
#define CFG_AUX_CLOCK_OFF 0x20
#define CFG_TRANSLATE	0x40

#define KBD_IRQ		1
#define KBD_SCAN_ON	0xf4
#define KBD_ACK		0xfa

/* Status reads before a wait gives up: about 0.1 s on real hardware. */
#define WAIT_LIMIT	100000
/* Bytes one poll takes at most, so a stuck controller cannot hang it. */
#define POLL_LIMIT	64

static struct keymap keymap;
static bool present;

/* Waits until the controller can take a byte; false on a timeout. */
static bool wait_input_empty(void)
{
	int i;

	for (i = 0; i < WAIT_LIMIT; i++)
		if (!(inb(PORT_STATUS) & ST_INPUT_FULL))
			return true;
	return false;
}

/* Reads the next byte the controller has; -1 on a timeout. */
static int read_data(void)
{
	int i;

	for (i = 0; i < WAIT_LIMIT; i++)
		if (inb(PORT_STATUS) & ST_OUTPUT_FULL)
			return inb(PORT_DATA);
	return -1;
}

/* Sends a command to the controller; false on a timeout. */
static bool command(uint8_t cmd)
{
	if (!wait_input_empty())
		return false;
	outb(PORT_COMMAND, cmd);
	return true;
}

/* Sends a byte to the keyboard (or a command's argument). */
static bool write_data(uint8_t v)
{
	if (!wait_input_empty())
		return false;
	outb(PORT_DATA, v);
	return true;
}

/* Drops whatever waits in the output buffer. */
static void flush(void)
{
	int i;

	for (i = 0; i < POLL_LIMIT && (inb(PORT_STATUS) & ST_OUTPUT_FULL); i++)
		(void)inb(PORT_DATA);
}

/* Moves what the keyboard sent into the input queue. */
static void poll(void)
{
	char out[KEYMAP_OUT_MAX];
	uint8_t status, byte;
	int i, n;

	if (!present)
		return;
	for (i = 0; i < POLL_LIMIT; i++) {
		status = inb(PORT_STATUS);
		if (!(status & ST_OUTPUT_FULL))
			break;
		byte = inb(PORT_DATA);
		if (status & ST_AUX)
			continue;
		n = keymap_feed(&keymap, byte, out);
		if (n > 0)
			input_push(out, (size_t)n);
		else if (n == KEYMAP_UNKNOWN)
			kprintf("keyboard: unknown scancode %s%02x (set %d) "
			    "ignored\n", keymap.unknown >> 8 ? "e0 " : "",
			    keymap.unknown & 0xff, keymap.set);
	}
}

/* IRQ 1: a byte came. */
static void on_irq(void *arg)
{
	(void)arg;
	poll();
}

/* Sets the controller up; see drivers/i8042.h. */
int i8042_init(void)
{
	int config, reply, i;
	bool irq;

	/* Nothing decodes port 0x64 on a machine without a controller. */
	if (inb(PORT_STATUS) == 0xff)
		goto err_absent;
	if (!command(CMD_KBD_OFF) || !command(CMD_AUX_OFF))
		goto err_absent;
	flush();
	if (!command(CMD_READ_CONFIG) || (config = read_data()) < 0)
		goto err_absent;
	/* Keyboard clock on, the mouse port off; the IRQ when it is routed. */
	config &= ~(CFG_KBD_IRQ | CFG_AUX_IRQ | CFG_KBD_CLOCK_OFF);
	config |= CFG_AUX_CLOCK_OFF;
	irq = irq_register(KBD_IRQ, on_irq, NULL) == 0;
	if (irq)
		config |= CFG_KBD_IRQ;
	if (!command(CMD_WRITE_CONFIG) || !write_data((uint8_t)config) ||
	    !command(CMD_KBD_ON))
		goto err_absent;
	/* Firmware may leave scanning off; the reply is ACK. */
	reply = -1;
	if (write_data(KBD_SCAN_ON))
		for (i = 0; i < 4 && reply != KBD_ACK; i++)
			reply = read_data();
	if (reply != KBD_ACK)
		kprintf("keyboard: no answer to enable scanning (%d); "
		    "keys may not come\n", reply);
	keymap_init(&keymap, config & CFG_TRANSLATE ? 1 : 2);
	present = true;
	idle_add_poller(poll);
	kprintf("keyboard: i8042, scancode set %d%s%s\n", keymap.set,
	    keymap.set == 1 ? " (translated by the controller)" : "",
	    irq ? "" : ", polled");
	return irq ? 0 : 1;

err_absent:
	kprintf("keyboard: no i8042 controller answers; keyboard input off\n");
	return -1;
}

