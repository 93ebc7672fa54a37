# kernel/: the core that owns the machine after ExitBootServices.
KSRCS += kernel/main.c kernel/string.c kernel/kprintf.c kernel/kprint.c \
	kernel/console.c kernel/panic.c kernel/pmem.c kernel/memory.c \
	kernel/paging.c kernel/gdt.c kernel/trap.c kernel/trapentry.S \
	kernel/backtrace.c kernel/ksyms.c kernel/cmdline.c kernel/options.c \
	kernel/crash.c kernel/kmalloc.c kernel/idle.c

UNIT_TESTS += kprintf cmdline pmem
UNIT_SRCS_kprintf := kernel/kprintf.c
UNIT_SRCS_cmdline := kernel/cmdline.c
UNIT_SRCS_pmem := kernel/pmem.c
UNIT_TESTS += kmalloc
UNIT_SRCS_kmalloc := kernel/kmalloc.c tests/unit/kstubs.c
FUZZ_TARGETS += cmdline
FUZZ_SRCS_cmdline := kernel/cmdline.c
# The console input queue between the keyboard and serial drivers and
# the terminal (soil/tty.c).
KSRCS += kernel/input.c
UNIT_TESTS += input
UNIT_SRCS_input := kernel/input.c tests/unit/kstubs.c
