/*
 * The image's load options (UCS-2 from the firmware, the shell, iPXE or
 * QEMU's -append) turned into a UTF-8 command line.
 */
#ifndef EFI_LOADOPT_H
#define EFI_LOADOPT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Converts size bytes of UTF-16 text at src into NUL-terminated UTF-8 in
 * dst (dstsize bytes, at least 1).  Stops at the first NUL.  Returns the
 * length written, or -1 when the options are not text (an odd size, a
 * control character, an unpaired surrogate, or too long for dst): boot
 * managers pass binary data there, which is no command line.
 */
int loadopt_to_utf8(const uint16_t *src, size_t size, char *dst, size_t dstsize);

#endif
