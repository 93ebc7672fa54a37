/*
 * PS/2 keyboard scancodes to the bytes a terminal sends, US layout: what
 * an xterm sends for each key, so programs read the keyboard as they read
 * a terminal on Linux.  Pure logic, fed one byte at a time.
 *
 * Scancode set 1 (what the i8042 makes of the keyboard's set 2 when it
 * translates) and set 2 (the keyboard's own, when it does not) are both
 * decoded.  Letters, digits and punctuation follow Shift and Caps Lock;
 * Ctrl makes control characters, Alt puts ESC before the key's bytes.
 * Enter sends CR, Backspace DEL, Shift-Tab ESC [ Z.  Arrows, Home, End
 * and the keypad's 5 send ESC [ A..D, H, F, E; Insert, Delete, PgUp, PgDn
 * and F5-F12 ESC [ n ~; F1-F4 ESC O P..S.  With Shift, Alt or Ctrl these
 * carry xterm's modifier parameter: ESC [ 1 ; m A, ESC [ n ; m ~, where
 * m - 1 has bit 0 for Shift, 1 for Alt, 2 for Ctrl.  The keypad follows
 * Num Lock, on at start.  Keys that send nothing (Windows keys, Menu,
 * Print Screen, Pause, Scroll Lock) are known and silent.
 */
#ifndef DRIVERS_KEYMAP_H
#define DRIVERS_KEYMAP_H

#include <stdbool.h>
#include <stdint.h>

/* The most bytes one key sends: ESC [ 2 4 ; 8 ~. */
#define KEYMAP_OUT_MAX	8
/* keymap_feed's answer for an unknown scancode seen for the first time. */
#define KEYMAP_UNKNOWN	(-1)

struct keymap {
	uint8_t set;		/* 1 or 2 */
	bool extended;		/* an E0 prefix came */
	bool release;		/* set 2: an F0 prefix came */
	uint8_t pause_left;	/* bytes of a Pause (E1) sequence to skip */
	uint8_t held;		/* modifier and lock keys now down */
	bool caps_lock, num_lock;
	uint16_t unknown;	/* the last unknown scancode: 0xe0 << 8 when
				   extended, | its code (set 2: the F0-less
				   code) */
	uint8_t reported[64];	/* unknown scancodes already reported */
};

/* Starts decoding scancode set (1 or 2): nothing held, Num Lock on. */
void keymap_init(struct keymap *k, int set);

/*
 * Feeds one byte from the keyboard.  Writes the bytes the key sends to
 * out and returns their count: 0 for a prefix, a release, a modifier, a
 * silent key, the keyboard's own replies (ACK, self-test) and any
 * unknown scancode but the first of its kind.  The first time a
 * scancode is unknown it returns KEYMAP_UNKNOWN and leaves the scancode
 * in k->unknown, so the caller can log it once.
 */
int keymap_feed(struct keymap *k, uint8_t byte, char out[KEYMAP_OUT_MAX]);

#endif
