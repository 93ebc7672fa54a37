/*
 * Command-line words: splitting, and the small value parsers options use.
 * Pure code, shared by efi/ (which needs video= before the exit) and the
 * kernel; tested on the host.
 */
#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Splits line in place into words separated by spaces; double quotes group
 * words with spaces ("a b" is one word, quotes removed).  Stores at most
 * max word pointers; returns how many words the line has, which may be
 * more than max (the caller reports the excess).
 */
int cmdline_split(char *line, char **words, int max);

/*
 * Whether word names the image itself rather than an option: the UEFI
 * shell and iPXE put the image path or URL first; QEMU's -append and
 * firmware boot entries do not.
 */
bool cmdline_is_image_path(const char *word);

/*
 * If word is "key=value" (or just "key" when value may be absent) returns
 * the value ("" for a bare key), else NULL.
 */
const char *cmdline_value(const char *word, const char *key);

/*
 * Whether word is an environment assignment "NAME=value" for the program:
 * NAME is an upper-case letter followed by upper-case letters, digits and
 * underscores (OCAMLRUNPARAM=b), which no kernel option looks like.
 */
bool cmdline_is_env(const char *word);

/* Parses "WIDTHxHEIGHT" (decimal, 1..65535 each); returns 0 or -1. */
int cmdline_parse_size(const char *s, uint32_t *w, uint32_t *h);

#endif
