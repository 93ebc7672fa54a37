/*
 * File descriptors 0, 1 and 2: the program's standard streams as files
 * over the devices of soil/stdio.h.
 */
#ifndef SOIL_CONSOLE_H
#define SOIL_CONSOLE_H

#include <stdbool.h>

/*
 * Opens stdin, stdout and stderr on the console, or with ports on COM2
 * and COM3 (stdio=com2).  Returns 0, or -errno after a console message.
 */
int console_fds_init(bool ports);

#endif
