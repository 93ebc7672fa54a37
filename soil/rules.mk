# soil/: the OS behind the syscalls (fds, files, memory, time) and later
# the OCaml Soil library.

# --- memory, time, signals, the process (the lead's part) ---
KSRCS += soil/ranges.c soil/mm.c soil/clock.c soil/calendar.c soil/proc.c \
	soil/signal.c soil/stdio.c soil/console.c
# reboot(2), for Soil.Machine.reboot (soilml)
KSRCS += soil/reboot.c
UNIT_TESTS += ranges
UNIT_SRCS_ranges := soil/ranges.c
UNIT_TESTS += calendar
UNIT_SRCS_calendar := soil/calendar.c

# The file system side (soil/README.md): the kernel heap and a host page
# provider (tests/unit/kstubs.c) stand in for the kernel in host tests.
SOIL_FILE_SRCS := soil/memfs.c soil/file.c soil/node_file.c soil/devfs.c \
	soil/sys_fd.c soil/sys_path.c soil/files.c soil/cpio.c
KSRCS += $(SOIL_FILE_SRCS) soil/files_image.c
SOIL_TEST_KERNEL := kernel/kmalloc.c tests/unit/kstubs.c
UNIT_TESTS += memfs sys_file
UNIT_SRCS_memfs := soil/memfs.c $(SOIL_TEST_KERNEL)
UNIT_SRCS_sys_file := $(SOIL_FILE_SRCS) drivers/rng.c $(SOIL_TEST_KERNEL)
UNIT_TESTS += cpio
UNIT_SRCS_cpio := soil/cpio.c soil/memfs.c $(SOIL_TEST_KERNEL)
FUZZ_TARGETS += cpio
FUZZ_SRCS_cpio := soil/cpio.c soil/memfs.c $(SOIL_TEST_KERNEL)

# The OCaml library Soil (soilml).
include soil/ocaml/rules.mk

# The console as a terminal (tty): the line discipline is pure logic.
KSRCS += soil/ldisc.c soil/tty.c
UNIT_TESTS += ldisc
UNIT_SRCS_ldisc := soil/ldisc.c

# Event-driven programs (soil/sys_event.h): pipes, eventfd, poll/select,
# epoll.  Only soil/wait.c (the idle loop) stays out of the host tests,
# which compare the calls with the host kernel's.
SOIL_EVENT_SRCS := soil/file_watch.c soil/timeout.c soil/pipe_ring.c \
	soil/pipe.c soil/eventfd.c soil/anon_inode.c soil/poll.c soil/epoll.c
KSRCS += $(SOIL_EVENT_SRCS) soil/wait.c
UNIT_TESTS += timeout pipe_ring events
UNIT_SRCS_timeout := soil/timeout.c
UNIT_SRCS_pipe_ring := soil/pipe_ring.c $(SOIL_TEST_KERNEL)
UNIT_SRCS_events := $(SOIL_EVENT_SRCS) $(SOIL_FILE_SRCS) drivers/rng.c \
	$(SOIL_TEST_KERNEL)
