/*
 * reboot(2) (see soil/reboot.h).
 */
#include <asm-generic/errno.h>
#include <linux/reboot.h>
#include "drivers/power.h"
#include "soil/reboot.h"

/*
 * reboot(2): RESTART resets the machine, POWER_OFF and HALT power it off;
 * the magic numbers are checked as Linux checks them.
 */
long sys_reboot(int magic1, int magic2, unsigned int cmd, void *arg)
{
	(void)arg;	/* only RESTART2 reads it, and it is refused */
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	    magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		power_reset();
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
		power_off(0);
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}
