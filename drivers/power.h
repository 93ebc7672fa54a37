/*
 * Ending the machine: power-off (with an exit status under QEMU) and reset.
 */
#ifndef DRIVERS_POWER_H
#define DRIVERS_POWER_H

/* Returns whether the machine is QEMU (its fw_cfg device answers). */
int power_is_qemu(void);

/*
 * Powers the machine off.  Under QEMU a non-zero status is first written
 * to isa-debug-exit (QEMU then exits with status * 2 + 1); then ACPI S5.
 * When nothing works, says why and halts.
 */
void power_off(int status) __attribute__((noreturn));

/*
 * Resets the machine: the FADT reset register, then the keyboard
 * controller, then a triple fault.
 */
void power_reset(void) __attribute__((noreturn));

#endif
