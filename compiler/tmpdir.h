/*
 * Private temporary directories for the steps of a build or link.
 */
#ifndef COMPILER_TMPDIR_H
#define COMPILER_TMPDIR_H

/*
 * Makes the directory $TMPDIR/terrarium-WHAT.XXXXXX (/tmp without
 * TMPDIR).  Returns its path (free it with tmpdir_remove), or NULL (said).
 */
char *tmpdir_make(const char *what);

/* Removes dir and everything in it, then frees the path.  NULL is fine. */
void tmpdir_remove(char *dir);

#endif
