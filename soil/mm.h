/*
 * The program's memory: anonymous mmap, private file mappings (a copy of
 * the file; shared ones, whose writes would reach the file, are refused
 * with ENODEV) and their relatives.  RAM is identity mapped, so a mapping
 * is a run of physically contiguous pages from the kernel's allocator;
 * soil/ranges.c remembers which pages the program owns.  Protections are
 * accepted and not enforced (the program runs at ring 0 in one address
 * space).  brk never grows: musl's malloc then takes all its memory from
 * mmap, as it does on Linux when brk fails.
 */
#ifndef SOIL_MM_H
#define SOIL_MM_H

#include <stdint.h>

/* Sets the break the program sees (it never moves). */
void mm_init(uint64_t brk_base);

long sys_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd,
    int64_t off);
long sys_munmap(uint64_t addr, uint64_t len);
long sys_mprotect(uint64_t addr, uint64_t len, int prot);
long sys_mremap(uint64_t old, uint64_t old_len, uint64_t new_len, int flags,
    uint64_t new_addr);
long sys_madvise(uint64_t addr, uint64_t len, int advice);
long sys_brk(uint64_t addr);

#endif
