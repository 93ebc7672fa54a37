/*
 * The system tools terrarium runs (mkfs.fat, dnsmasq, lighttpd) live in
 * /usr/sbin, which an ordinary user's PATH on Debian lacks.
 */
#ifndef COMPILER_SBINPATH_H
#define COMPILER_SBINPATH_H

/*
 * Appends /usr/sbin and /sbin to PATH where missing.  Returns 0, or -1
 * when out of memory (said).
 */
int sbin_path(void);

#endif
