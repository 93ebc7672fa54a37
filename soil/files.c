/*
 * The file system's set-up and shared state (see soil/files.h and
 * soil/sys_file.h): the tree with /dev, /tmp, the image's files and
 * /proc/self/exe.
 */
#include <asm-generic/errno.h>
#include <linux/stat.h>
#include "kernel/kprintf.h"
#include "kernel/string.h"
#include "soil/cpio.h"
#include "soil/devfs.h"
#include "soil/files.h"
#include "soil/sys_file.h"

struct memfs *files_fs;
struct mnode *files_cwd;
uint32_t files_umask = 022;
static const char *exe_name;

/* Makes dir the working directory. */
void files_set_cwd(struct mnode *dir)
{
	memfs_get(dir);
	if (files_cwd)
		memfs_put(files_cwd);
	files_cwd = dir;
}

/* The directory name in parent, made with mode if missing. */
static int subdir(struct mnode *parent, const char *name, uint32_t mode,
    struct mnode **out)
{
	*out = memfs_lookup(parent, name, strlen(name));
	if (*out)
		return S_ISDIR((*out)->mode) ? 0 : -ENOTDIR;
	return memfs_create(files_fs, parent, name, strlen(name),
	    S_IFDIR | mode, out);
}

/* /proc/self/exe: a symbolic link to the image's name. */
static int make_exe_link(void)
{
	struct mnode *proc, *self;
	int err;

	if ((err = subdir(files_fs->root, "proc", 0555, &proc)) ||
	    (err = subdir(proc, "self", 0555, &self)))
		return err;
	memfs_unlink(self, "exe", 3);
	return memfs_symlink(files_fs, self, "exe", 3, exe_name,
	    strlen(exe_name), NULL);
}

/* Remembers the image's name; makes the link now if the tree exists. */
void soil_set_exe_name(const char *name)
{
	exe_name = name;
	if (files_fs && *name && make_exe_link())
		kprintf("files: cannot make /proc/self/exe\n");
}

/* Makes the tree and loads the archive into it. */
int soil_files_init_from(const void *archive, size_t len)
{
	struct mnode *dev, *tmp;
	int err;

	if (!(files_fs = memfs_new())) {
		err = -ENOMEM;
		goto err_say;
	}
	if ((err = subdir(files_fs->root, "dev", 0755, &dev)) ||
	    (err = devfs_init(files_fs, dev)) ||
	    (err = subdir(files_fs->root, "tmp", 01777, &tmp)) ||
	    (exe_name && *exe_name && (err = make_exe_link())))
		goto err_say;
	files_set_cwd(files_fs->root);
	return cpio_load(files_fs, archive, len);

err_say:
	kprintf("files: cannot make the file system (error %d)\n", -err);
	return err;
}
