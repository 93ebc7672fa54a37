/*
 * reboot(2): the program restarts or powers off the machine it owns.
 */
#ifndef SOIL_REBOOT_H
#define SOIL_REBOOT_H

/*
 * Restarts (LINUX_REBOOT_CMD_RESTART) or powers off (POWER_OFF, HALT)
 * the machine, after Linux's magic-number check; CAD_ON and CAD_OFF are
 * accepted and change nothing (there is no Ctrl-Alt-Del action).
 * Returns -EINVAL for bad magic numbers and other commands.
 */
long sys_reboot(int magic1, int magic2, unsigned int cmd, void *arg);

#endif
