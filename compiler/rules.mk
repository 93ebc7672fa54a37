# compiler/: host tools of the build (and later the terrarium command).
HOST_TOOLS += $(B)/mksyms

$(B)/mksyms: $(B)/host/compiler/mksyms.o
	@echo "  LINK    $@"
	@$(CC) $(HLDFLAGS) $^ -o $@
