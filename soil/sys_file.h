/*
 * The file syscalls: Linux x86-64 semantics over the in-memory tree
 * (soil/memfs.h) and the descriptor table (soil/file.h).  Each returns
 * the result or -errno; pointers from the program are checked with
 * user_ok (-EFAULT).  soil/sys_fd.c has the fd-based calls,
 * soil/sys_path.c the path-based ones, soil/files.c the set-up.
 */
#ifndef SOIL_SYS_FILE_H
#define SOIL_SYS_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <asm/stat.h>
#include <linux/stat.h>
#include <linux/time_types.h>
#include <linux/uio.h>

/*
 * Makes the tree: / with /dev (null, zero, full, random, urandom) and
 * /tmp, then the files of the image's archive (terrarium_files[]); the
 * working directory is /.  Returns 0 or -errno after a console message.
 */
int soil_files_init(void);
/* The same with the archive at archive (len bytes, may be 0). */
int soil_files_init_from(const void *archive, size_t len);
/*
 * What readlink("/proc/self/exe") gives: the image's name.  The string
 * must stay valid; may be called before or after soil_files_init.
 */
void soil_set_exe_name(const char *name);

/* I/O on descriptors (soil/sys_fd.c). */
long sys_read(int fd, void *buf, size_t n);
long sys_write(int fd, const void *buf, size_t n);
long sys_readv(int fd, const struct iovec *iov, int iovcnt);
long sys_writev(int fd, const struct iovec *iov, int iovcnt);
long sys_pread64(int fd, void *buf, size_t n, int64_t off);
long sys_pwrite64(int fd, const void *buf, size_t n, int64_t off);
long sys_lseek(int fd, int64_t off, unsigned int whence);
long sys_close(int fd);
long sys_fstat(int fd, struct stat *st);
long sys_getdents64(int fd, void *dirp, unsigned int count);
long sys_ftruncate(int fd, int64_t len);
long sys_fsync(int fd);
long sys_fdatasync(int fd);
long sys_fchmod(int fd, unsigned int mode);
long sys_fcntl(int fd, unsigned int cmd, unsigned long arg);
long sys_dup(int fd);
long sys_dup2(int oldfd, int newfd);
long sys_dup3(int oldfd, int newfd, int flags);
long sys_ioctl(int fd, unsigned int cmd, unsigned long arg);
long sys_getrandom(void *buf, size_t n, unsigned int flags);

/* Paths (soil/sys_path.c); dirfd is AT_FDCWD or a directory's fd. */
long sys_open(const char *path, int flags, unsigned int mode);
long sys_openat(int dirfd, const char *path, int flags, unsigned int mode);
long sys_creat(const char *path, unsigned int mode);
long sys_stat(const char *path, struct stat *st);
long sys_lstat(const char *path, struct stat *st);
long sys_newfstatat(int dirfd, const char *path, struct stat *st, int flags);
long sys_statx(int dirfd, const char *path, int flags, unsigned int mask,
    struct statx *stx);
long sys_unlink(const char *path);
long sys_unlinkat(int dirfd, const char *path, int flags);
long sys_rmdir(const char *path);
long sys_mkdir(const char *path, unsigned int mode);
long sys_mkdirat(int dirfd, const char *path, unsigned int mode);
long sys_rename(const char *oldpath, const char *newpath);
long sys_renameat(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath);
long sys_renameat2(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath, unsigned int flags);
long sys_symlink(const char *target, const char *path);
long sys_symlinkat(const char *target, int dirfd, const char *path);
long sys_link(const char *oldpath, const char *newpath);
long sys_linkat(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath, int flags);
long sys_readlink(const char *path, char *buf, int size);
long sys_readlinkat(int dirfd, const char *path, char *buf, int size);
long sys_access(const char *path, int mode);
long sys_faccessat(int dirfd, const char *path, int mode);
long sys_faccessat2(int dirfd, const char *path, int mode, int flags);
long sys_truncate(const char *path, int64_t len);
long sys_chmod(const char *path, unsigned int mode);
long sys_fchmodat(int dirfd, const char *path, unsigned int mode);
long sys_utimensat(int dirfd, const char *path,
    const struct __kernel_timespec *times, int flags);
long sys_getcwd(char *buf, unsigned long size);
long sys_chdir(const char *path);
long sys_fchdir(int fd);
long sys_umask(unsigned int mask);

#endif
