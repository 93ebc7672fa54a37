/*
 * The i8042 PS/2 controller's keyboard port.  Keys become terminal bytes
 * (drivers/keymap.h) in the console input queue (kernel/input.h).
 */
#ifndef DRIVERS_I8042_H
#define DRIVERS_I8042_H

/*
 * Sets the controller up for the keyboard alone (the mouse port off),
 * keeping the scancode translation the firmware chose, and turns the
 * keyboard's scanning on.  From then on IRQ 1 and an idle poller
 * (kernel/idle.h) move keys into the input queue.  Returns 0; 1 when
 * IRQ 1 could not be routed, so only the poller takes keys and a waiter
 * must wake up now and then to run it; -1 when no controller answers
 * (said on the console).
 */
int i8042_init(void);

#endif
