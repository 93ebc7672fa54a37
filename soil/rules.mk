# soil/: the OS behind the syscalls (fds, files, memory, time) and later
# the OCaml Soil library.

# --- memory, time, signals, the process (the lead's part) ---
KSRCS += soil/ranges.c soil/mm.c soil/clock.c soil/calendar.c soil/proc.c \
	soil/signal.c
UNIT_TESTS += ranges
UNIT_SRCS_ranges := soil/ranges.c
UNIT_TESTS += calendar
UNIT_SRCS_calendar := soil/calendar.c
